package dev.kubelint.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kubelint.core.yaml.ReadLimits;

/**
 * Coverage-guided fuzzing of the reading pipeline: any bytes go through {@code SourceLoader.decode}, the
 * {@code YamlReader} and the engine with the core rules, and {@link PipelineInvariants} must hold.
 *
 * <p>Under plain JUnit (the normal build) Jazzer runs each method once per file of its seed corpus in
 * {@code src/test/resources/dev/kubelint/core/fuzz/ReadingPipelineFuzzTestInputs/<method>/}: a fast regression
 * test. To fuzz for real, see docs/robustness.md ({@code JAZZER_FUZZ=1}). Every crash the fuzzer finds is
 * written to that folder, fixed, and kept there as a regression input.
 */
class ReadingPipelineFuzzTest {

    /** Limits small enough for short inputs to hit each of them. */
    @FuzzTest(maxDuration = "5m")
    void smallLimits(byte[] input) {
        PipelineInvariants.check(input, PipelineInvariants.SMALL_LIMITS);
    }

    /** The limits users get. */
    @FuzzTest(maxDuration = "5m")
    void defaultLimits(byte[] input) {
        PipelineInvariants.check(input, ReadLimits.DEFAULTS);
    }
}
