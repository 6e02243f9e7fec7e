package io.callbook.k8scheck;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.Map;

/**
 * Binds built-in objects to the fabric8 Kubernetes model and refuses any field the model does not know. The model
 * keeps unknown fields in an "additional properties" map (so a client survives a newer server); here that map is
 * removed from every model class, so a misspelt or misplaced field fails the parse as it would fail a server's strict
 * field validation.
 */
final class StrictModel {

    /** apiVersion/kind of every built-in kind the manifests may use; any other built-in kind is refused. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    /** Custom resources: their operators' CRDs are not on the classpath, so they are checked as maps. */
    static final Map<String, String> CUSTOM_KINDS = Map.of(
            "kafka.strimzi.io/v1beta2/KafkaTopic", "KafkaTopic",
            "keda.sh/v1alpha1/ScaledObject", "ScaledObject",
            "monitoring.coreos.com/v1/ServiceMonitor", "ServiceMonitor");

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(new SimpleModule("strict-kubernetes-model").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                             BeanDeserializerBuilder builder) {
                    if (description.getBeanClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
                        builder.setAnySetter(null);
                    }
                    return builder;
                }
            }));

    private StrictModel() {
    }

    static String key(Map<String, Object> document) {
        return document.get("apiVersion") + "/" + document.get("kind");
    }

    /** The typed object, or an exception naming the unknown field. */
    static HasMetadata bind(Map<String, Object> document) {
        Class<? extends HasMetadata> type = KINDS.get(key(document));
        if (type == null) {
            throw new IllegalArgumentException("kind not expected in the manifests: " + key(document));
        }
        return MAPPER.convertValue(document, type);
    }
}
