package io.callbook.k8scheck;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strict parse is what catches misspelt fields, so it is proven on its own. */
class StrictModelTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  containers:
                    - name: x
                      image: x:1
                      %s
            """;

    private static Map<String, Object> yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readValue(text, new TypeReference<>() { });
    }

    @Test
    void aKnownFieldParses() throws Exception {
        var deployment = (Deployment) StrictModel.bind(yaml(DEPLOYMENT.formatted("readinessProbe: {periodSeconds: 5}")));
        assertEquals(5, deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe().getPeriodSeconds());
    }

    @Test
    void aMisspeltFieldFails() throws Exception {
        var misspelt = yaml(DEPLOYMENT.formatted("readinesProbe: {periodSeconds: 5}"));
        var failure = assertThrows(IllegalArgumentException.class, () -> StrictModel.bind(misspelt));
        assertTrue(failure.getMessage().contains("readinesProbe"), failure.getMessage());
    }

    @Test
    void aFieldAtTheWrongLevelFails() throws Exception {
        var misplaced = yaml(DEPLOYMENT.formatted("runAsNonRoot: true"));
        assertThrows(IllegalArgumentException.class, () -> StrictModel.bind(misplaced));
    }

    @Test
    void anUnexpectedKindIsRefused() throws Exception {
        var secret = yaml("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {password: x}\n");
        assertThrows(IllegalArgumentException.class, () -> StrictModel.bind(secret));
    }
}
