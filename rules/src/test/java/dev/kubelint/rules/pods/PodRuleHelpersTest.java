package dev.kubelint.rules.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelint.core.testing.TestYaml;
import dev.kubelint.core.yaml.SequenceNode;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodRuleHelpersTest {

    private static SequenceNode command(String flowSequence) {
        return TestYaml.root(flowSequence).asSequence().orElseThrow();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "['sleep', '30']                                  | 30",
                "['/bin/sleep', '2m']                             | 120",
                "['/usr/bin/sleep', '1.5h']                       | 5400",
                "['sleep', 'infinity']                            | Infinity",
                "['sh', '-c', 'sleep 5; nginx -s quit']           | 5",
                "['/bin/bash', '-ec', 'sleep 5 && drain && sleep 40'] | 40",
                "['/bin/sh', '-c', 'echo x; /bin/sleep 20']       | 20",
                "['sh', '-c', 'while true; do sleep 1; done']     | 1",
                "['sleep']                                        | ",
                "['sleep', 'later']                               | ",
                "['nginx', '-s', 'quit']                          | ",
                "['sh', '-c', 'sleepy 30']                        | ",
                "['sh', 'script.sh', 'sleep 30']                  | ",
            })
    void sleepSecondsOfExecCommands(String command, String expected) {
        OptionalDouble found = PreStopSleepRule.sleepSeconds(command(command));
        assertEquals(
                expected == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(expected)), found);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "nginx                                   | ",
                "nginx:1.27                              | 1.27",
                "registry.example.com:5000/team/api      | ",
                "registry.example.com:5000/team/api:2.0  | 2.0",
                "docker.io/library/busybox:latest        | latest",
            })
    void tagOfImageReferences(String reference, String expected) {
        assertEquals(Optional.ofNullable(expected), ImageTagRule.tag(reference));
    }
}
