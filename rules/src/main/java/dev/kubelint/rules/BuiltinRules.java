package dev.kubelint.rules;

import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleProvider;
import java.util.List;

/** The built-in rule set: one provider, one line per rule. */
public final class BuiltinRules implements RuleProvider {

    @Override
    public String name() {
        return "kubelint built-in rules";
    }

    @Override
    public List<Rule> rules() {
        return List.of(
                new dev.kubelint.rules.schema.ApiVersionDeprecatedRule(),
                new dev.kubelint.rules.schema.ApiVersionRemovedRule(),
                new dev.kubelint.rules.schema.MissingTypeMetaRule(),
                new dev.kubelint.rules.schema.SchemaConformanceRule(),
                new dev.kubelint.rules.schema.UnknownKindRule(),
                new dev.kubelint.rules.schema.CrdValidRule(),
                new dev.kubelint.rules.schema.CrdDuplicateRule(),
                new dev.kubelint.rules.cel.CrdValidationRuleRule(),
                new dev.kubelint.rules.admission.AdmissionPolicyRule(),
                new dev.kubelint.rules.metadata.StatusSectionRule(),
                new dev.kubelint.rules.selectors.LabelSelectorValidRule(),
                new dev.kubelint.rules.selectors.SelectorTemplateMismatchRule(),
                new dev.kubelint.rules.selectors.SelectorRequiredRule(),
                new dev.kubelint.rules.selectors.JobSelectorGeneratedRule(),
                new dev.kubelint.rules.selectors.ServiceSelectorNoMatchRule(),
                new dev.kubelint.rules.services.ServiceValidRule(),
                new dev.kubelint.rules.services.NodePortConflictRule(),
                new dev.kubelint.rules.services.ServiceWarningRule(),
                new dev.kubelint.rules.services.NetworkPolicyValidRule(),
                new dev.kubelint.rules.workloads.PodDisruptionBudgetValidRule(),
                new dev.kubelint.rules.workloads.HorizontalPodAutoscalerValidRule(),
                new dev.kubelint.rules.references.NetworkPolicySelectorNoMatchRule(),
                new dev.kubelint.rules.references.PodDisruptionBudgetSelectorNoMatchRule(),
                new dev.kubelint.rules.references.ServiceTargetPortNoMatchRule(),
                new dev.kubelint.rules.pods.PodWarningRule(),
                new dev.kubelint.rules.references.ScaleTargetUndefinedRule(),
                new dev.kubelint.rules.references.IngressBackendUndefinedRule(),
                new dev.kubelint.rules.references.ServiceAccountUndefinedRule(),
                new dev.kubelint.rules.references.ConfigMapUndefinedRule(),
                new dev.kubelint.rules.references.SecretUndefinedRule(),
                new dev.kubelint.rules.scheduling.NodeSelectorValidRule(),
                new dev.kubelint.rules.scheduling.NodeSelectorValueTypeRule(),
                new dev.kubelint.rules.scheduling.NodeAffinityValidRule(),
                new dev.kubelint.rules.scheduling.NodeAffinityIneffectiveRule(),
                new dev.kubelint.rules.scheduling.PodAffinityValidRule(),
                new dev.kubelint.rules.metadata.LabelValidRule(),
                new dev.kubelint.rules.metadata.AnnotationKeyValidRule(),
                new dev.kubelint.rules.metadata.AnnotationSizeRule(),
                new dev.kubelint.rules.metadata.StringMapValueTypeRule(),
                new dev.kubelint.rules.metadata.ObjectNameValidRule(),
                new dev.kubelint.rules.metadata.ContainerNameValidRule(),
                new dev.kubelint.rules.metadata.ContainerNameUniqueRule(),
                new dev.kubelint.rules.metadata.NamespaceOnClusterScopedRule(),
                new dev.kubelint.rules.metadata.NamespaceReservedPrefixRule(),
                new dev.kubelint.rules.metadata.NamespaceUndefinedRule(),
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
