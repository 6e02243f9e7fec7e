package io.callbook.k8scheck;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One overlay as {@code kubectl kustomize} renders it: built-in objects typed, custom resources as maps. */
record RenderedOverlay(String name, List<HasMetadata> objects, List<Map<String, Object>> customResources) {

    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The repository root: the parent pom passes it to tests; else the nearest folder up that holds k8s/. */
    static Path root() {
        String configured = System.getProperty("callbook.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "k8s"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no k8s/ folder above " + Path.of("").toAbsolutePath());
    }

    static RenderedOverlay of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, RenderedOverlay::render);
    }

    private static RenderedOverlay render(String overlay) {
        String yaml = kustomize(root().resolve("k8s/overlays").resolve(overlay));
        List<HasMetadata> objects = new ArrayList<>();
        List<Map<String, Object>> custom = new ArrayList<>();
        try (var parser = YAML.createParser(yaml)) {
            var documents = YAML.readValues(parser, new TypeReference<Map<String, Object>>() { });
            while (documents.hasNext()) {
                Map<String, Object> document = documents.next();
                if (document == null) {
                    continue;
                }
                if (StrictModel.CUSTOM_KINDS.containsKey(StrictModel.key(document))) {
                    custom.add(document);
                } else {
                    try {
                        objects.add(StrictModel.bind(document));
                    } catch (IllegalArgumentException e) {
                        throw new AssertionError(overlay + ": " + StrictModel.key(document) + " "
                                + ((Map<?, ?>) document.get("metadata")).get("name") + " does not match the Kubernetes model: "
                                + e.getMessage(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError(overlay + ": kustomize output is not YAML", e);
        }
        return new RenderedOverlay(overlay, List.copyOf(objects), List.copyOf(custom));
    }

    private static String kustomize(Path overlay) {
        // -Dcallbook.kubectl=/path/to/kubectl where it is not on the PATH.
        String kubectl = System.getProperty("callbook.kubectl", "kubectl");
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", overlay.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            Assumptions.abort("SKIPPED: " + kubectl + " cannot be run, so the k8s/ manifests are not checked here ("
                    + e.getMessage() + "); install kubectl >= 1.27 or pass -Dcallbook.kubectl=<path>");
            throw new IllegalStateException(e);
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("kubectl kustomize " + overlay, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Map<String, Object>> custom(String kind) {
        return customResources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    List<Service> services() {
        return all(Service.class);
    }

    List<HorizontalPodAutoscaler> autoscalers() {
        return all(HorizontalPodAutoscaler.class);
    }

    List<PodDisruptionBudget> disruptionBudgets() {
        return all(PodDisruptionBudget.class);
    }

    List<NetworkPolicy> networkPolicies() {
        return all(NetworkPolicy.class);
    }

    List<Ingress> ingresses() {
        return all(Ingress.class);
    }

    Optional<ConfigMap> configMap(String name) {
        return all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst();
    }

    Optional<ServiceAccount> serviceAccount(String name) {
        return all(ServiceAccount.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst();
    }

    Optional<Deployment> deployment(String name) {
        return deployments().stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst();
    }

    static List<Container> containers(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers();
    }

    static Map<String, String> podLabels(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** matchLabels semantics; an empty or absent selector selects nothing here (Services and PDBs need one). */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }
}
