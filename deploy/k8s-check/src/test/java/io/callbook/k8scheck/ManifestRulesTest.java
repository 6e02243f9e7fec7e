package io.callbook.k8scheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.callbook.k8scheck.RenderedOverlay.containers;
import static io.callbook.k8scheck.RenderedOverlay.podLabels;
import static io.callbook.k8scheck.RenderedOverlay.selects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a schema cannot see, after kubectl kustomize rendered an overlay and every object parsed strictly: objects
 * that must refer to each other do, the pods follow kube-score's and Polaris's rules (probes, resources, non-root,
 * read-only root file system, no latest tags, PDBs, HPA bounds, network policies, topology spread, no secret
 * literals), health and metrics only on the management port and never public, every topic the code uses has a
 * KafkaTopic and every setting a service needs in prod is provided.
 * Each rule collects all violations of an overlay and reports them together.
 */
class ManifestRulesTest {

    private static final Set<String> SERVICES = Set.of("resolver-service", "booking-service", "webhook-service",
            "perf-ops-service");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|KEY|TOKEN|CREDENTIAL).*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOPIC_LITERAL = Pattern.compile("\"(callbook\\.[a-z0-9.-]+\\.v\\d+)\"");
    private static final Pattern REQUIRED_IN_PROD = Pattern.compile("(?m)^%prod\\.callbook\\.production\\.required\\.([A-Z0-9_]+)=");
    private static final Pattern TOPIC_PROPERTY = Pattern.compile("(?m)^(?!%)[^#\\s]*\\.topic=(\\S+)");
    /** The name the manifests give the management interface's port, and that port (common's quarkus.management.port). */
    private static final String MANAGEMENT = "management";
    static final String SIGNING_SECRET = "callbook-jwt-signing";
    private static final int MANAGEMENT_PORT = managementPort();
    private static final String INGRESS_NAMESPACE = "ingress-nginx";
    private static final String MONITORING_NAMESPACE = "monitoring";

    private static void assertNone(String overlay, String rule, List<String> violations) {
        assertTrue(violations.isEmpty(), overlay + ": " + rule + ":\n  " + String.join("\n  ", violations));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theOverlayHoldsEveryServiceAndOnlyKnownKinds(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Set<String> names = new TreeSet<>();
        rendered.deployments().forEach(d -> names.add(d.getMetadata().getName()));
        assertEquals(new TreeSet<>(SERVICES), names, overlay + ": Deployments");
        for (Map<String, Object> resource : rendered.customResources()) {
            Map<?, ?> metadata = (Map<?, ?>) resource.get("metadata");
            assertTrue(metadata != null && metadata.get("name") != null, overlay + ": a custom resource without a name");
            assertTrue(resource.get("spec") instanceof Map, overlay + ": " + metadata.get("name") + " has no spec");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void selectorsMatchTheirPods(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : rendered.deployments()) {
            var selector = deployment.getSpec().getSelector();
            if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
                violations.add(deployment.getMetadata().getName() + ": matchExpressions are not checked here; use matchLabels");
            }
            if (!selects(selector.getMatchLabels(), podLabels(deployment))) {
                violations.add(deployment.getMetadata().getName() + ": selector " + selector.getMatchLabels()
                        + " does not match its pod labels " + podLabels(deployment));
            }
        }
        for (Service service : rendered.services()) {
            List<Deployment> targets = selected(rendered, service.getSpec().getSelector());
            if (targets.isEmpty()) {
                violations.add("Service " + service.getMetadata().getName() + " selects no Deployment's pods");
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort();
                if (target != null && target.getStrVal() != null) {
                    for (Deployment deployment : targets) {
                        if (containerPort(deployment, target.getStrVal()).isEmpty()) {
                            violations.add("Service " + service.getMetadata().getName() + " targets port "
                                    + target.getStrVal() + ", which " + deployment.getMetadata().getName() + " does not name");
                        }
                    }
                }
            }
        }
        for (PodDisruptionBudget budget : rendered.disruptionBudgets()) {
            if (selected(rendered, budget.getSpec().getSelector().getMatchLabels()).isEmpty()) {
                violations.add("PodDisruptionBudget " + budget.getMetadata().getName() + " selects no Deployment's pods");
            }
        }
        for (Map<String, Object> monitor : rendered.custom("ServiceMonitor")) {
            Map<String, String> labels = stringMap(path(monitor, "spec", "selector", "matchLabels"));
            List<Service> scraped = rendered.services().stream()
                    .filter(s -> selects(labels, Objects.requireNonNullElse(s.getMetadata().getLabels(), Map.of()))).toList();
            if (scraped.size() != 1) {
                violations.add("ServiceMonitor " + name(monitor) + " selects " + scraped.size() + " Services, not one");
            }
            for (Object endpoint : (List<?>) path(monitor, "spec", "endpoints")) {
                String port = (String) ((Map<?, ?>) endpoint).get("port");
                scraped.forEach(s -> {
                    if (s.getSpec().getPorts().stream().noneMatch(p -> port.equals(p.getName()))) {
                        violations.add("ServiceMonitor " + name(monitor) + " scrapes port " + port + ", which "
                                + s.getMetadata().getName() + " does not name");
                    }
                });
            }
        }
        for (var ingress : rendered.ingresses()) {
            for (var rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    Optional<Service> service = rendered.services().stream()
                            .filter(s -> s.getMetadata().getName().equals(backend.getName())).findFirst();
                    if (service.isEmpty()) {
                        violations.add("Ingress path " + path.getPath() + " goes to a missing Service " + backend.getName());
                    } else if (backend.getPort().getName() != null && service.get().getSpec().getPorts().stream()
                            .noneMatch(p -> backend.getPort().getName().equals(p.getName()))) {
                        violations.add("Ingress path " + path.getPath() + " uses port " + backend.getPort().getName()
                                + ", which Service " + backend.getName() + " does not name");
                    }
                    if ("perf-ops-service".equals(backend.getName())) {
                        violations.add("Ingress path " + path.getPath() + " makes perf-ops-service public");
                    }
                }
            }
        }
        assertNone(overlay, "selectors, ports and backends", violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentIsAutoscaledWithinSaneBounds(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        Map<String, List<int[]>> bounds = new LinkedHashMap<>();
        for (HorizontalPodAutoscaler hpa : rendered.autoscalers()) {
            var target = hpa.getSpec().getScaleTargetRef();
            if (!"Deployment".equals(target.getKind()) || rendered.deployment(target.getName()).isEmpty()) {
                violations.add("HPA " + hpa.getMetadata().getName() + " targets a missing " + target.getKind() + " " + target.getName());
            }
            boolean cpu = hpa.getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null
                    && "cpu".equals(m.getResource().getName()));
            if (!cpu) {
                violations.add("HPA " + hpa.getMetadata().getName() + " has no CPU metric");
            }
            bounds.computeIfAbsent(target.getName(), k -> new ArrayList<>())
                    .add(new int[] {Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1), hpa.getSpec().getMaxReplicas()});
        }
        for (Map<String, Object> scaled : rendered.custom("ScaledObject")) {
            String target = (String) path(scaled, "spec", "scaleTargetRef", "name");
            if (rendered.deployment(target).isEmpty()) {
                violations.add("ScaledObject " + name(scaled) + " targets a missing Deployment " + target);
            }
            Object min = path(scaled, "spec", "minReplicaCount");
            Object max = path(scaled, "spec", "maxReplicaCount");
            bounds.computeIfAbsent(target, k -> new ArrayList<>())
                    .add(new int[] {min == null ? 0 : ((Number) min).intValue(), max == null ? 100 : ((Number) max).intValue()});
            List<?> triggers = (List<?>) path(scaled, "spec", "triggers");
            if (triggers == null || triggers.isEmpty()) {
                violations.add("ScaledObject " + name(scaled) + " has no triggers");
            }
        }
        for (Deployment deployment : rendered.deployments()) {
            String name = deployment.getMetadata().getName();
            List<int[]> owners = bounds.getOrDefault(name, List.of());
            if (owners.size() != 1) {
                violations.add(name + " has " + owners.size() + " autoscalers (HPA or ScaledObject), not one");
                continue;
            }
            if (deployment.getSpec().getReplicas() != null) {
                violations.add(name + " sets replicas although an autoscaler owns the count");
            }
            int min = owners.get(0)[0];
            int max = owners.get(0)[1];
            if (min > max) {
                violations.add(name + ": min replicas " + min + " > max " + max);
            }
            if (overlay.equals("prod") && (min < 2 || min == max)) {
                violations.add(name + ": prod needs min replicas >= 2 and min != max, has " + min + ".." + max);
            }
            for (Container container : containers(deployment)) {
                if (quantity(container.getResources().getRequests(), "cpu").isEmpty()) {
                    violations.add(name + "/" + container.getName() + " has no CPU request, so CPU utilisation is undefined");
                }
            }
        }
        assertNone(overlay, "autoscaling", violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasOneDisruptionBudgetThatLeavesPodsRunning(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : rendered.deployments()) {
            List<PodDisruptionBudget> budgets = rendered.disruptionBudgets().stream()
                    .filter(b -> selects(b.getSpec().getSelector().getMatchLabels(), podLabels(deployment))).toList();
            if (budgets.size() != 1) {
                violations.add(deployment.getMetadata().getName() + " is covered by " + budgets.size() + " PDBs, not one");
                continue;
            }
            var spec = budgets.get(0).getSpec();
            if (spec.getMinAvailable() != null || spec.getMaxUnavailable() == null
                    || !Integer.valueOf(1).equals(spec.getMaxUnavailable().getIntVal())) {
                violations.add(budgets.get(0).getMetadata().getName() + ": expected maxUnavailable: 1 (a minAvailable at or "
                        + "above the HPA's minimum would block every drain)");
            }
        }
        assertNone(overlay, "disruption budgets", violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void referencedConfigMapsServiceAccountsAndSecretsExist(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        Set<String> secrets = new TreeSet<>();
        for (Deployment deployment : rendered.deployments()) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            String account = pod.getServiceAccountName();
            if (account == null || rendered.serviceAccount(account).isEmpty()) {
                violations.add(name + " runs as service account " + account + ", which is not in the overlay");
            }
            for (Container container : containers(deployment)) {
                for (EnvFromSource from : list(container.getEnvFrom())) {
                    if (from.getConfigMapRef() != null && rendered.configMap(from.getConfigMapRef().getName()).isEmpty()) {
                        violations.add(name + " takes env from a missing ConfigMap " + from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null) {
                        secrets.add(from.getSecretRef().getName());
                    }
                }
                for (EnvVar env : list(container.getEnv())) {
                    if (env.getValueFrom() == null) {
                        continue;
                    }
                    var configKey = env.getValueFrom().getConfigMapKeyRef();
                    if (configKey != null && rendered.configMap(configKey.getName())
                            .map(c -> c.getData().containsKey(configKey.getKey())).orElse(false) == Boolean.FALSE) {
                        violations.add(name + ": " + env.getName() + " reads a missing ConfigMap key " + configKey.getName()
                                + "/" + configKey.getKey());
                    }
                    if (env.getValueFrom().getSecretKeyRef() != null) {
                        secrets.add(env.getValueFrom().getSecretKeyRef().getName());
                    }
                }
            }
            for (Volume volume : list(pod.getVolumes())) {
                if (volume.getConfigMap() != null && rendered.configMap(volume.getConfigMap().getName()).isEmpty()) {
                    violations.add(name + " mounts a missing ConfigMap " + volume.getConfigMap().getName());
                }
                if (volume.getSecret() != null) {
                    secrets.add(volume.getSecret().getSecretName());
                }
            }
        }
        rendered.ingresses().forEach(i -> list(i.getSpec().getTls()).forEach(t -> secrets.add(t.getSecretName())));
        // Secrets are made outside the repository; each one the overlay expects must be documented for whoever makes them.
        String readme = read(RenderedOverlay.root().resolve("k8s/README.md"));
        for (String secret : secrets) {
            if (!readme.contains("`" + secret + "`")) {
                violations.add("Secret " + secret + " is used but not documented in k8s/README.md");
            }
        }
        assertFalse(secrets.isEmpty(), overlay + ": no Secrets referenced at all");
        assertNone(overlay, "references", violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheServicesUseHasAKafkaTopic(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
        for (Map<String, Object> topic : rendered.custom("KafkaTopic")) {
            String topicName = (String) Objects.requireNonNullElse(path(topic, "spec", "topicName"), name(topic));
            topics.put(topicName, topic);
            Object partitions = path(topic, "spec", "partitions");
            Object replicas = path(topic, "spec", "replicas");
            if (!(partitions instanceof Integer p) || p < 1 || !(replicas instanceof Integer r) || r < 1) {
                violations.add("KafkaTopic " + name(topic) + " needs spec.partitions and spec.replicas >= 1");
            }
            if (path(topic, "metadata", "labels", "strimzi.io/cluster") == null) {
                violations.add("KafkaTopic " + name(topic) + " has no strimzi.io/cluster label, so no operator takes it");
            }
        }
        Set<String> used = topicsInCode();
        assertTrue(used.contains("callbook.booking.v1"), "topic scan found " + used);
        for (String topic : used) {
            if (!topics.containsKey(topic)) {
                violations.add("topic " + topic + " is used by the services but has no KafkaTopic");
            }
        }
        for (Map<String, Object> scaled : rendered.custom("ScaledObject")) {
            for (Object trigger : (List<?>) path(scaled, "spec", "triggers")) {
                Map<?, ?> t = (Map<?, ?>) trigger;
                if ("kafka".equals(t.get("type"))) {
                    Map<?, ?> metadata = (Map<?, ?>) t.get("metadata");
                    String topic = (String) metadata.get("topic");
                    if (!topics.containsKey(topic)) {
                        violations.add("ScaledObject " + name(scaled) + " watches topic " + topic + ", which has no KafkaTopic");
                    }
                    String group = (String) metadata.get("consumerGroup");
                    if (!servicesProperties().contains(".group.id=" + group + "\n")) {
                        violations.add("ScaledObject " + name(scaled) + " watches group " + group + ", which no service uses");
                    }
                }
            }
        }
        assertNone(overlay, "topics", violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesAreVersionedAndConsistent(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        Set<String> tags = new HashSet<>();
        for (Deployment deployment : rendered.deployments()) {
            for (Container container : containers(deployment)) {
                String image = container.getImage();
                int colon = image.lastIndexOf(':');
                String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "";
                if (tag.isEmpty() || tag.equals("latest")) {
                    violations.add(deployment.getMetadata().getName() + ": image " + image + " has no fixed tag");
                }
                tags.add(tag);
                String repository = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
                if (!repository.endsWith("/" + deployment.getMetadata().getName())) {
                    violations.add(deployment.getMetadata().getName() + " runs image " + image + ", named after another service");
                }
                if ("Always".equals(container.getImagePullPolicy()) && !tag.contains("@")) {
                    violations.add(deployment.getMetadata().getName() + ": pull policy Always hides an unpinned tag");
                }
            }
        }
        if (tags.size() > 1) {
            violations.add("the services run different tags " + tags + " (one release is one tag)");
        }
        assertNone(overlay, "images", violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podsRunLockedDown(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : rendered.deployments()) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podContext = Objects.requireNonNullElse(pod.getSecurityContext(), new PodSecurityContext());
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                violations.add(name + ": automountServiceAccountToken must be false (no service calls the API)");
            }
            rendered.serviceAccount(pod.getServiceAccountName()).ifPresent(account -> {
                if (!Boolean.FALSE.equals(account.getAutomountServiceAccountToken())) {
                    violations.add("ServiceAccount " + account.getMetadata().getName() + " mounts its token");
                }
            });
            for (Container container : containers(deployment)) {
                String where = name + "/" + container.getName();
                SecurityContext context = Objects.requireNonNullElse(container.getSecurityContext(), new SecurityContext());
                Boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : podContext.getRunAsNonRoot();
                Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    violations.add(where + ": runAsNonRoot is not true");
                }
                if (user == null || user < 10000) {
                    violations.add(where + ": runAsUser " + user + " (needs >= 10000, apart from any host user)");
                }
                if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                    violations.add(where + ": root file system is writable");
                }
                if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                    violations.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (context.getCapabilities() == null || !list(context.getCapabilities().getDrop()).contains("ALL")
                        || !list(context.getCapabilities().getAdd()).isEmpty()) {
                    violations.add(where + ": capabilities must drop ALL and add none");
                }
                var seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile() : podContext.getSeccompProfile();
                if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
                    violations.add(where + ": seccomp profile is not RuntimeDefault");
                }
                if (Boolean.TRUE.equals(context.getPrivileged())) {
                    violations.add(where + ": privileged");
                }
                if (list(container.getVolumeMounts()).stream().noneMatch(m -> "/tmp".equals(m.getMountPath()))) {
                    violations.add(where + ": no writable /tmp under a read-only root");
                }
            }
        }
        assertNone(overlay, "pod security", violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void containersHaveProbesAndResources(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : rendered.deployments()) {
            for (Container container : containers(deployment)) {
                String where = deployment.getMetadata().getName() + "/" + container.getName();
                Probe startup = container.getStartupProbe();
                Probe liveness = container.getLivenessProbe();
                Probe readiness = container.getReadinessProbe();
                if (startup == null || liveness == null || readiness == null) {
                    violations.add(where + ": needs startup, liveness and readiness probes");
                    continue;
                }
                if (Objects.equals(liveness.getHttpGet(), readiness.getHttpGet())
                        && Objects.equals(liveness.getExec(), readiness.getExec())
                        && Objects.equals(liveness.getTcpSocket(), readiness.getTcpSocket())) {
                    violations.add(where + ": readiness and liveness probe the same thing, so a busy pod gets restarted");
                }
                for (Probe probe : List.of(startup, liveness, readiness)) {
                    if (probe.getHttpGet() != null && probe.getHttpGet().getPort().getStrVal() != null
                            && containerPort(deployment, probe.getHttpGet().getPort().getStrVal()).isEmpty()) {
                        violations.add(where + ": a probe uses port " + probe.getHttpGet().getPort().getStrVal()
                                + ", which the container does not name");
                    }
                }
                var resources = container.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    if (resources == null || quantity(resources.getRequests(), resource).isEmpty()) {
                        violations.add(where + ": no " + resource + " request");
                    }
                    if (resources == null || quantity(resources.getLimits(), resource).isEmpty()) {
                        violations.add(where + ": no " + resource + " limit");
                    }
                }
                if (resources != null && quantity(resources.getRequests(), "memory").isPresent()
                        && quantity(resources.getLimits(), "memory").isPresent()
                        && Quantity.getAmountInBytes(resources.getRequests().get("memory"))
                        .compareTo(Quantity.getAmountInBytes(resources.getLimits().get("memory"))) > 0) {
                    violations.add(where + ": memory request above its limit");
                }
            }
        }
        assertNone(overlay, "probes and resources", violations);
    }

    /**
     * Health, metrics and the API docs are on each service's management port (common's quarkus.management.*): the
     * kubelet probes it, Prometheus and perf-ops-service scrape it, and the public never reaches it. Peers are told
     * apart by the namespaces the policies assume (network-policies.yaml): the ingress controller's and Prometheus'.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theManagementPortIsProbedAndScrapedButNeverPublic(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : rendered.deployments()) {
            String name = deployment.getMetadata().getName();
            Optional<ContainerPort> management = containerPort(deployment, MANAGEMENT);
            if (management.isEmpty() || management.get().getContainerPort() != MANAGEMENT_PORT) {
                violations.add(name + ": no container port named " + MANAGEMENT + " at " + MANAGEMENT_PORT
                        + " (quarkus.management.port)");
                continue;
            }
            for (Container container : containers(deployment)) {
                for (Probe probe : Stream.of(container.getStartupProbe(), container.getLivenessProbe(),
                        container.getReadinessProbe()).filter(Objects::nonNull).toList()) {
                    if (probe.getHttpGet() == null || !isManagement(probe.getHttpGet().getPort(), management.get())
                            || probe.getHttpGet().getPath() == null || !probe.getHttpGet().getPath().startsWith("/q/health/")) {
                        violations.add(name + "/" + container.getName() + ": a probe does not ask /q/health/* on the "
                                + MANAGEMENT + " port");
                    }
                }
            }
            for (Service service : rendered.services()) {
                if (selects(service.getSpec().getSelector(), podLabels(deployment)) && service.getSpec().getPorts().stream()
                        .noneMatch(port -> isManagement(port.getTargetPort(), management.get()))) {
                    violations.add("Service " + service.getMetadata().getName() + " has no port to " + name + "'s "
                            + MANAGEMENT + " port (the ServiceMonitor and perf-ops-service scrape through it)");
                }
            }
            for (NetworkPolicy policy : rendered.networkPolicies()) {
                if (!selects(policy.getSpec().getPodSelector().getMatchLabels(), podLabels(deployment))) {
                    continue;
                }
                for (var rule : list(policy.getSpec().getIngress())) {
                    boolean admitsManagement = list(rule.getPorts()).isEmpty() || rule.getPorts().stream()
                            .anyMatch(port -> port.getPort() == null || isManagement(port.getPort(), management.get())
                                    || port.getEndPort() != null && port.getPort().getIntVal() != null
                                    && port.getPort().getIntVal() <= MANAGEMENT_PORT && MANAGEMENT_PORT <= port.getEndPort());
                    if (!admitsManagement) {
                        continue;
                    }
                    if (list(rule.getFrom()).isEmpty()) {
                        violations.add(policy.getMetadata().getName() + " admits anyone to " + name + "'s " + MANAGEMENT + " port");
                    }
                    for (var peer : list(rule.getFrom())) {
                        String namespace = peer.getNamespaceSelector() == null ? null
                                : stringMap(peer.getNamespaceSelector().getMatchLabels()).get("kubernetes.io/metadata.name");
                        String pods = peer.getPodSelector() == null ? null
                                : stringMap(peer.getPodSelector().getMatchLabels()).get("app.kubernetes.io/name");
                        boolean prometheus = MONITORING_NAMESPACE.equals(namespace);
                        boolean perfOps = peer.getNamespaceSelector() == null && "perf-ops-service".equals(pods);
                        if (!prometheus && !perfOps) {
                            violations.add(policy.getMetadata().getName() + " admits " + describe(peer) + " to " + name
                                    + "'s " + MANAGEMENT + " port" + (INGRESS_NAMESPACE.equals(namespace)
                                    ? ", the ingress controller" : "") + " (only Prometheus and perf-ops-service may)");
                        }
                    }
                }
            }
        }
        for (Map<String, Object> monitor : rendered.custom("ServiceMonitor")) {
            for (Object endpoint : (List<?>) path(monitor, "spec", "endpoints")) {
                Object port = ((Map<?, ?>) endpoint).get("port");
                if (!MANAGEMENT.equals(port) || !"/q/metrics".equals(((Map<?, ?>) endpoint).get("path"))) {
                    violations.add("ServiceMonitor " + name(monitor) + " scrapes port " + port + " path "
                            + ((Map<?, ?>) endpoint).get("path") + ", not /q/metrics on " + MANAGEMENT);
                }
            }
        }
        for (var ingress : rendered.ingresses()) {
            for (var rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    Optional<ServicePort> port = rendered.services().stream()
                            .filter(s -> s.getMetadata().getName().equals(backend.getName()))
                            .flatMap(s -> s.getSpec().getPorts().stream())
                            .filter(p -> backend.getPort().getName() != null ? backend.getPort().getName().equals(p.getName())
                                    : Objects.equals(backend.getPort().getNumber(), p.getPort()))
                            .findFirst();
                    boolean management = MANAGEMENT.equals(backend.getPort().getName())
                            || Objects.equals(backend.getPort().getNumber(), MANAGEMENT_PORT)
                            || port.map(p -> MANAGEMENT.equals(p.getName()) || p.getPort() == MANAGEMENT_PORT
                                    || p.getTargetPort() != null && (MANAGEMENT.equals(p.getTargetPort().getStrVal())
                                    || Objects.equals(p.getTargetPort().getIntVal(), MANAGEMENT_PORT))).orElse(false);
                    if (management) {
                        violations.add("Ingress path " + path.getPath() + " routes to " + backend.getName() + "'s "
                                + MANAGEMENT + " port");
                    }
                    if (path.getPath().startsWith("/q")) {
                        violations.add("Ingress path " + path.getPath() + " publishes Quarkus' /q/* endpoints");
                    }
                }
            }
        }
        assertNone(overlay, "management port", violations);
    }

    private static int managementPort() {
        Matcher port = Pattern.compile("(?m)^quarkus\\.management\\.port=(\\d+)$").matcher(read(RenderedOverlay.root()
                .resolve("common/src/main/resources/META-INF/microprofile-config.properties")));
        assertTrue(port.find(), "common's config sets no quarkus.management.port");
        return Integer.parseInt(port.group(1));
    }

    private static boolean isManagement(IntOrString port, ContainerPort management) {
        return port != null && (MANAGEMENT.equals(port.getStrVal())
                || Objects.equals(port.getIntVal(), management.getContainerPort()));
    }

    private static String describe(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer peer) {
        List<String> parts = new ArrayList<>();
        if (peer.getNamespaceSelector() != null) {
            parts.add("namespaces " + peer.getNamespaceSelector().getMatchLabels());
        }
        if (peer.getPodSelector() != null) {
            parts.add("pods " + peer.getPodSelector().getMatchLabels());
        }
        if (peer.getIpBlock() != null) {
            parts.add("addresses " + peer.getIpBlock().getCidr());
        }
        return String.join(" and ", parts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretIsWrittenIntoTheManifests(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : rendered.deployments()) {
            for (Container container : containers(deployment)) {
                for (EnvVar env : list(container.getEnv())) {
                    if (SECRET_NAME.matcher(env.getName()).matches() && env.getValue() != null) {
                        violations.add(deployment.getMetadata().getName() + ": " + env.getName() + " is a literal");
                    }
                    if (env.getValue() != null && looksLikeCredential(env.getValue())) {
                        violations.add(deployment.getMetadata().getName() + ": " + env.getName() + " holds a credential");
                    }
                }
            }
        }
        rendered.all(io.fabric8.kubernetes.api.model.ConfigMap.class).forEach(map ->
                Objects.requireNonNullElse(map.getData(), Map.<String, String>of()).forEach((key, value) -> {
                    if (SECRET_NAME.matcher(key).matches() || looksLikeCredential(value)) {
                        violations.add("ConfigMap " + map.getMetadata().getName() + " holds " + key + ", a secret");
                    }
                }));
        assertTrue(rendered.all(io.fabric8.kubernetes.api.model.Secret.class).isEmpty(), overlay + ": a Secret in the repository");
        assertNone(overlay, "secrets", violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesCoverEveryPod(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        boolean defaultDeny = rendered.networkPolicies().stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector().getMatchLabels())
                && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && list(p.getSpec().getIngress()).isEmpty() && list(p.getSpec().getEgress()).isEmpty());
        if (!defaultDeny) {
            violations.add("no default-deny NetworkPolicy (empty pod selector, Ingress and Egress, no rules)");
        }
        for (Deployment deployment : rendered.deployments()) {
            List<NetworkPolicy> own = rendered.networkPolicies().stream()
                    .filter(p -> selects(p.getSpec().getPodSelector().getMatchLabels(), podLabels(deployment))).toList();
            if (own.stream().noneMatch(p -> p.getSpec().getPolicyTypes().contains("Ingress"))) {
                violations.add(deployment.getMetadata().getName() + " has no NetworkPolicy that says who may reach it");
            }
            if (own.stream().noneMatch(p -> p.getSpec().getPolicyTypes().contains("Egress"))) {
                violations.add(deployment.getMetadata().getName() + " has no NetworkPolicy that says what it may reach");
            }
            for (NetworkPolicy policy : own) {
                Stream.concat(list(policy.getSpec().getIngress()).stream().flatMap(r -> list(r.getPorts()).stream()),
                                Stream.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort>empty())
                        .filter(p -> p.getPort() != null && p.getPort().getStrVal() != null)
                        .filter(p -> containerPort(deployment, p.getPort().getStrVal()).isEmpty())
                        .forEach(p -> violations.add(policy.getMetadata().getName() + " admits port " + p.getPort().getStrVal()
                                + ", which " + deployment.getMetadata().getName() + " does not name"));
            }
        }
        assertNone(overlay, "network policies", violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podsSpreadAcrossNodesAndZones(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : rendered.deployments()) {
            List<TopologySpreadConstraint> spread = list(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints());
            for (String key : List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone")) {
                boolean present = spread.stream().anyMatch(c -> key.equals(c.getTopologyKey())
                        && selects(c.getLabelSelector().getMatchLabels(), podLabels(deployment)));
                if (!present) {
                    violations.add(deployment.getMetadata().getName() + ": no spread over " + key + " selecting its own pods");
                }
            }
        }
        assertNone(overlay, "topology spread", violations);
    }

    /**
     * Every public resource's path (class-level {@code @Path} of the services' api packages) reaches its own service
     * through exactly one Ingress path, and perf-ops-service's paths reach nothing. The Ingress paths are regular
     * expressions that ingress-nginx anchors at the start; Java's regex dialect agrees with PCRE on the ones used.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressRoutesEveryPublicPathToItsService(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<Pattern, String> routes = new LinkedHashMap<>();
        rendered.ingresses().forEach(i -> i.getSpec().getRules().forEach(r -> r.getHttp().getPaths().forEach(p ->
                routes.put(Pattern.compile("^" + p.getPath(), Pattern.CASE_INSENSITIVE), p.getBackend().getService().getName()))));
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> paths = resourcePaths();
        assertTrue(paths.getOrDefault("booking-service", Set.of()).contains("/v1/appointments"), "path scan found " + paths);
        paths.forEach((service, servicePaths) -> {
            for (String path : servicePaths) {
                String concrete = path.replaceAll("\\{[^}]+}", "x1");
                for (String request : List.of(concrete, concrete + "/x2")) {
                    List<String> backends = routes.entrySet().stream().filter(e -> e.getKey().matcher(request).find())
                            .map(Map.Entry::getValue).toList();
                    // Operations (/v1/ops) stay inside the cluster, whichever service serves them.
                    List<String> expected = service.equals("perf-ops-service") || path.startsWith("/v1/ops")
                            ? List.of() : List.of(service);
                    if (!backends.equals(expected)) {
                        violations.add(request + " (" + service + ") goes to " + backends);
                    }
                }
            }
        });
        assertNone(overlay, "ingress routes", violations);
    }

    /** Class-level @Path values of each service's REST resources (api packages; REST clients live in infra). */
    private static Map<String, Set<String>> resourcePaths() {
        Pattern classPath = Pattern.compile("(?m)^@Path\\(\"(/v1[^\"]*)\"\\)");
        Map<String, Set<String>> paths = new LinkedHashMap<>();
        for (String service : SERVICES) {
            try (Stream<Path> files = Files.walk(RenderedOverlay.root().resolve(service).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/api/")).forEach(f -> {
                    Matcher m = classPath.matcher(read(f));
                    while (m.find()) {
                        paths.computeIfAbsent(service, k -> new TreeSet<>()).add(m.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return paths;
    }

    /**
     * What each service cannot start without in prod: the {@code %prod.callbook.production.required.<VARIABLE>} lines
     * of common's and the service's config, which the service itself checks at start-up (common's ProductionSettings).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySettingAServiceNeedsInProdIsProvided(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, List<String>> required = new LinkedHashMap<>();
        for (String service : SERVICES) {
            required.put(service, requiredInProd(service));
        }
        assertTrue(required.get("resolver-service").contains("QUARKUS_DATASOURCE_JDBC_URL")
                && required.get("webhook-service").contains("CALLBOOK_SECRETS_KEY"), "required settings read: " + required);
        // Only resolver-service signs tokens (API keys and webhook-service's agent tokens are exchanged there); every
        // other service verifies against its published JWKS and holds no private key.
        String signer = "resolver-service";
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : rendered.deployments()) {
            String name = deployment.getMetadata().getName();
            Container container = containers(deployment).get(0);
            Map<String, String> env = environment(rendered, container);
            for (String needed : required.getOrDefault(name, List.of())) {
                if (!env.containsKey(needed)) {
                    violations.add(name + " lacks " + needed);
                }
            }
            // In-cluster addresses must name a Service of this overlay on a port it has.
            env.forEach((key, value) -> {
                Matcher url = Pattern.compile("http://([a-z0-9-]+):(\\d+)").matcher(value);
                if ((key.endsWith("_URL") || key.endsWith("_URLS")) && url.lookingAt()) {
                    boolean found = rendered.services().stream().anyMatch(s -> s.getMetadata().getName().equals(url.group(1))
                            && s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == Integer.parseInt(url.group(2))));
                    if (!found) {
                        violations.add(name + ": " + key + "=" + value + " names no Service port of the overlay");
                    }
                    if (key.endsWith("_URLS") && !url.group(1).endsWith("-headless")) {
                        violations.add(name + ": " + key + " must name a headless Service, to reach every replica");
                    }
                }
            });
            violations.addAll(signingKeyViolations(deployment, container, env, name.equals(signer), signingKeyDir()));
        }
        assertNone(overlay, "prod settings", violations);
    }

    @Test
    void theSignersRuleRefusesASigningKeyAnywhereButResolverService() {
        String keys = "/etc/callbook/jwt-signing";
        Deployment webhook = deploymentMounting("webhook-service", "callbook-jwt-signing", "/etc/callbook/jwt-signing");
        assertFalse(signingKeyViolations(webhook, containers(webhook).get(0), Map.of(), false, keys).isEmpty());
        Deployment booking = deploymentMounting("booking-service", "callbook-jwt", "/etc/callbook/jwt");
        assertFalse(signingKeyViolations(booking, containers(booking).get(0), Map.of(), false, keys).isEmpty());
        Deployment perfOps = deploymentMounting("perf-ops-service", "callbook-redis", "/etc/redis");
        assertFalse(signingKeyViolations(perfOps, containers(perfOps).get(0),
                Map.of("CALLBOOK_TOKENS_KEY_DIR", "/keys"), false, keys).isEmpty());
        Deployment resolver = deploymentMounting("resolver-service", "callbook-jwt-signing", "/etc/callbook/jwt-signing");
        assertEquals(List.of(), signingKeyViolations(resolver, containers(resolver).get(0), Map.of(), true, keys));
        assertFalse(signingKeyViolations(resolver, containers(resolver).get(0),
                Map.of("CALLBOOK_TOKENS_KEY_DIR", "/elsewhere"), true, keys).isEmpty());
    }

    private static Deployment deploymentMounting(String name, String secret, String path) {
        return new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec()
                .addNewContainer().withName(name).addNewVolumeMount().withName("keys").withMountPath(path).endVolumeMount()
                .endContainer()
                .addNewVolume().withName("keys").withNewSecret().withSecretName(secret).endSecret().endVolume()
                .endSpec().endTemplate().endSpec().build();
    }

    /**
     * The signers rule: the token-signing Secret ({@value #SIGNING_SECRET}) is mounted by the signer alone, at its key
     * folder ({@code callbook.tokens.key-dir}: the default in its application.properties, or CALLBOOK_TOKENS_KEY_DIR); no other Deployment mounts or reads it, sets a key folder or a
     * SmallRye signing key, or mounts the old key-pair Secret ({@code callbook-jwt}).
     */
    static List<String> signingKeyViolations(Deployment deployment, Container container, Map<String, String> env,
                                             boolean signer, String keyDir) {
        String name = deployment.getMetadata().getName();
        List<String> violations = new ArrayList<>();
        Map<String, String> secretVolumes = new HashMap<>();
        for (Volume volume : list(deployment.getSpec().getTemplate().getSpec().getVolumes())) {
            if (volume.getSecret() != null) {
                secretVolumes.put(volume.getName(), volume.getSecret().getSecretName());
            }
            if (volume.getProjected() != null) {
                list(volume.getProjected().getSources()).stream().filter(source -> source.getSecret() != null)
                        .forEach(source -> secretVolumes.put(volume.getName(), source.getSecret().getName()));
            }
        }
        Set<String> signingMounts = new TreeSet<>();
        for (VolumeMount mount : list(container.getVolumeMounts())) {
            String secret = secretVolumes.get(mount.getName());
            if (SIGNING_SECRET.equals(secret)) {
                signingMounts.add(mount.getMountPath());
            } else if ("callbook-jwt".equals(secret)) {
                violations.add(name + " mounts callbook-jwt, the old key pair with its private key");
            }
        }
        boolean readsSigningSecret = list(container.getEnv()).stream().anyMatch(e -> e.getValueFrom() != null
                && e.getValueFrom().getSecretKeyRef() != null
                && SIGNING_SECRET.equals(e.getValueFrom().getSecretKeyRef().getName()));
        boolean signingSettings = env.keySet().stream().anyMatch(key -> key.startsWith("SMALLRYE_JWT_SIGN_KEY")
                || key.equals("CALLBOOK_TOKENS_KEY_DIR"));
        if (signer) {
            String folder = env.getOrDefault("CALLBOOK_TOKENS_KEY_DIR", keyDir);
            if (!signingMounts.equals(Set.of(folder))) {
                violations.add(name + ": " + SIGNING_SECRET + " must be mounted exactly at its key folder " + folder
                        + ", is at " + signingMounts);
            }
        } else if (!signingMounts.isEmpty() || readsSigningSecret || signingSettings) {
            violations.add(name + ": only resolver-service holds the token-signing key (mounts " + signingMounts
                    + ", reads it from env: " + readsSigningSecret + ", signing settings: " + signingSettings + ")");
        }
        return violations;
    }

    /** resolver-service's default key folder, where Kubernetes mounts the signing Secret. */
    private static String signingKeyDir() {
        Matcher line = Pattern.compile("(?m)^callbook\\.tokens\\.key-dir=(\\S+)$").matcher(
                read(RenderedOverlay.root().resolve("resolver-service/src/main/resources/application.properties")));
        assertTrue(line.find(), "resolver-service has a default callbook.tokens.key-dir");
        return line.group(1);
    }

    /** Environment variables named by {@code %prod.callbook.production.required.*} in common's and the service's config. */
    private static List<String> requiredInProd(String service) {
        Path root = RenderedOverlay.root();
        String config = read(root.resolve("common/src/main/resources/META-INF/microprofile-config.properties")) + "\n"
                + read(root.resolve(service).resolve("src/main/resources/application.properties"));
        Matcher line = REQUIRED_IN_PROD.matcher(config);
        List<String> names = new ArrayList<>();
        while (line.find()) {
            names.add(line.group(1));
        }
        return names;
    }

    /** Env names with their literal values (a Secret or field reference counts as provided, value "<ref>"). */
    private static Map<String, String> environment(RenderedOverlay rendered, Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : list(container.getEnvFrom())) {
            if (from.getConfigMapRef() != null) {
                rendered.configMap(from.getConfigMapRef().getName())
                        .ifPresent(c -> Objects.requireNonNullElse(c.getData(), Map.<String, String>of()).forEach(env::put));
            }
        }
        for (EnvVar var : list(container.getEnv())) {
            env.put(var.getName(), var.getValue() != null ? var.getValue() : "<ref>");
        }
        return env;
    }

    private static boolean looksLikeCredential(String value) {
        return value.contains("-----BEGIN") || value.matches("(?s).*://[^/\\s:@]*:[^/\\s@]+@.*")
                || value.matches("(?s).*password=.*");
    }

    /** Topics named in the services' and common's main config and code (test-only topics excluded). */
    private static Set<String> topicsInCode() {
        Path root = RenderedOverlay.root();
        Set<String> topics = new TreeSet<>();
        Matcher property = TOPIC_PROPERTY.matcher(servicesProperties());
        while (property.find()) {
            topics.add(property.group(1));
        }
        for (String module : List.of("common", "resolver-service", "booking-service", "webhook-service", "perf-ops-service")) {
            Path sources = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    Matcher literal = TOPIC_LITERAL.matcher(read(f));
                    while (literal.find()) {
                        topics.add(literal.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return topics;
    }

    private static String servicesProperties() {
        Path root = RenderedOverlay.root();
        StringBuilder all = new StringBuilder(read(root.resolve("common/src/main/resources/META-INF/microprofile-config.properties")));
        for (String service : SERVICES) {
            all.append('\n').append(read(root.resolve(service).resolve("src/main/resources/application.properties")));
        }
        return all.append('\n').toString();
    }

    private static List<Deployment> selected(RenderedOverlay rendered, Map<String, String> selector) {
        return rendered.deployments().stream().filter(d -> selects(selector, podLabels(d))).toList();
    }

    private static Optional<ContainerPort> containerPort(Deployment deployment, String name) {
        return containers(deployment).stream().flatMap(c -> list(c.getPorts()).stream())
                .filter(p -> name.equals(p.getName())).findFirst();
    }

    private static Optional<Quantity> quantity(Map<String, Quantity> quantities, String name) {
        return Optional.ofNullable(quantities).map(q -> q.get(name));
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean isEmpty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private static Object path(Map<String, Object> object, String... keys) {
        Object current = object;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> stringMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(path(object, "metadata", "name"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
