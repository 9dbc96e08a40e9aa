package dev.kubelint.rules;

import java.util.List;

import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleProvider;

/** The built-in rule set: one provider, one line per rule. */
public final class BuiltinRules implements RuleProvider {

    @Override
    public String name() {
        return "kubelint built-in rules";
    }

    @Override
    public List<Rule> rules() {
        return List.of(
                new dev.kubelint.rules.metadata.StatusSectionRule(),
                new dev.kubelint.rules.ports.ContainerPortConflictRule(),
                new dev.kubelint.rules.ports.HostPortConflictRule(),
                new dev.kubelint.rules.ports.PortRangeRule(),
                new dev.kubelint.rules.ports.PortProtocolRule(),
                new dev.kubelint.rules.ports.PortNameRule(),
                new dev.kubelint.rules.ports.PortNameReusedRule(),
                new dev.kubelint.rules.ports.HostPortRule(),
                new dev.kubelint.rules.ports.HostNetworkPortRule(),
                new dev.kubelint.rules.probes.ProbeHandlerRule(),
                new dev.kubelint.rules.probes.ProbePortRule(),
                new dev.kubelint.rules.probes.HandlerNamedPortRule(),
                new dev.kubelint.rules.probes.ProbeTimingRule(),
                new dev.kubelint.rules.probes.ProbeSuccessThresholdRule(),
                new dev.kubelint.rules.probes.ProbeTimeoutRule(),
                new dev.kubelint.rules.probes.InitContainerProbeRule(),
                new dev.kubelint.rules.probes.ProbeIdenticalRule(),
                new dev.kubelint.rules.probes.ReadinessProbeMissingRule(),
                new dev.kubelint.rules.probes.LivenessProbeMissingRule(),
                new dev.kubelint.rules.probes.LivenessProbeRestartNeverRule(),
                new dev.kubelint.rules.probes.LifecycleHandlerRule(),
                new dev.kubelint.rules.pods.RestartPolicyRule(),
                new dev.kubelint.rules.pods.ContainerRestartPolicyRule(),
                new dev.kubelint.rules.pods.TerminationGracePeriodRule(),
                new dev.kubelint.rules.pods.PreStopSleepRule(),
                new dev.kubelint.rules.pods.ActiveDeadlineRule(),
                new dev.kubelint.rules.pods.VolumeNameRule(),
                new dev.kubelint.rules.pods.VolumeMountNameRule(),
                new dev.kubelint.rules.pods.VolumeMountPathRule(),
                new dev.kubelint.rules.pods.ImageMissingRule(),
                new dev.kubelint.rules.pods.ImageTagRule(),
                new dev.kubelint.rules.pods.EphemeralContainerRule());
    }
}
