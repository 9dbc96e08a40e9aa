package dev.kubelint.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scalar table: how kubectl (goyaml v2 with YAML 1.1 rules, then sigs.k8s.io/yaml) types plain scalars, and so
 * how kubelint must type them. Quoted scalars are always strings (see {@link YamlReaderTest}).
 */
class KubeScalarsTest {

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULLVALUE",
            value = {
                // booleans: exactly these spellings
                "y|BOOLEAN|true",
                "Y|BOOLEAN|true",
                "yes|BOOLEAN|true",
                "Yes|BOOLEAN|true",
                "YES|BOOLEAN|true",
                "true|BOOLEAN|true",
                "True|BOOLEAN|true",
                "TRUE|BOOLEAN|true",
                "on|BOOLEAN|true",
                "On|BOOLEAN|true",
                "ON|BOOLEAN|true",
                "n|BOOLEAN|false",
                "N|BOOLEAN|false",
                "no|BOOLEAN|false",
                "No|BOOLEAN|false",
                "NO|BOOLEAN|false",
                "false|BOOLEAN|false",
                "False|BOOLEAN|false",
                "FALSE|BOOLEAN|false",
                "off|BOOLEAN|false",
                "Off|BOOLEAN|false",
                "OFF|BOOLEAN|false",
                // mixed case stays a string
                "yEs|STRING|yEs",
                "tRUE|STRING|tRUE",
                "oN|STRING|oN",
                // nulls
                "~|NULL|NULLVALUE",
                "null|NULL|NULLVALUE",
                "Null|NULL|NULLVALUE",
                "NULL|NULL|NULLVALUE",
                "nULL|STRING|nULL",
                // integers
                "0|INTEGER|0",
                "42|INTEGER|42",
                "-17|INTEGER|-17",
                "+5|INTEGER|5",
                "1_000|INTEGER|1000",
                "0777|INTEGER|511",
                "0o17|INTEGER|15",
                "0x1F|INTEGER|31",
                "0b101|INTEGER|5",
                "-0x10|INTEGER|-16",
                "9223372036854775807|INTEGER|9223372036854775807",
                // 08 and 09 are not octal: they become floats
                "08|FLOAT|8.0",
                "09|FLOAT|9.0",
                // floats
                "1.5|FLOAT|1.5",
                "1.|FLOAT|1.0",
                ".5|FLOAT|0.5",
                "1e3|FLOAT|1000.0",
                "-2.5E-1|FLOAT|-0.25",
                "1.0|FLOAT|1.0",
                // not numbers
                "190:20:30|STRING|190:20:30",
                "2001-12-14|STRING|2001-12-14",
                "1.2.3|STRING|1.2.3",
                "0x|STRING|0x",
                "80a|STRING|80a",
                "-|STRING|-",
                ".|STRING|.",
                "500m|STRING|500m",
                "1Gi|STRING|1Gi",
                "e3|STRING|e3",
                "0xG1|STRING|0xG1",
                "12_|INTEGER|12"
            })
    void plainScalars(String text, ScalarType type, String value) {
        KubeScalars.Resolved resolved = KubeScalars.resolvePlain(text);
        assertEquals(type, resolved.type(), "type of " + text);
        assertEquals(value, resolved.value() == null ? null : resolved.value().toString(), "value of " + text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({".inf", ".Inf", "+.INF", "-.inf", ".nan", ".NaN"})
    void infinityAndNotANumberAreFloats(String text) {
        KubeScalars.Resolved resolved = KubeScalars.resolvePlain(text);
        assertEquals(ScalarType.FLOAT, resolved.type());
        Double d = (Double) resolved.value();
        assertEquals(true, d.isInfinite() || d.isNaN());
    }

    @org.junit.jupiter.api.Test
    void integersBeyondInt64AreUnsignedThenFloats() {
        assertEquals(
                new BigInteger("18446744073709551615"),
                KubeScalars.resolvePlain("18446744073709551615").value());
        assertEquals(
                ScalarType.FLOAT,
                KubeScalars.resolvePlain("18446744073709551616").type());
        assertEquals(
                ScalarType.FLOAT,
                KubeScalars.resolvePlain("-9223372036854775809").type());
    }

    @ParameterizedTest(name = "key {0} becomes \"{1}\"")
    @CsvSource({"0x10,16", "on,true", "no,false", "1.5,1.5", "~,null", "010,8", "name,name", "1e3,1000"})
    void nonStringKeysBecomeStrings(String text, String key) {
        assertEquals(key, KubeScalars.keyText(KubeScalars.resolvePlain(text), text));
    }
}
