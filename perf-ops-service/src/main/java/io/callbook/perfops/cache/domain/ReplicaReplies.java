package io.callbook.perfops.cache.domain;

import io.callbook.common.contracts.ops.CachesWarmed;
import io.callbook.perfops.suite.domain.SuiteService;

import java.net.URI;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replies to one command set against the replicas perf-ops knows. A reply belongs to the replica whose URL host is
 * one of its addresses or its host name (a pod's IP behind a headless Service); otherwise to one of its service's
 * replicas not yet taken (every replica on one host, as locally, where only the count can tell). Replies of services
 * perf-ops does not list, or more replies than replicas, are kept under the replying host's name.
 */
public final class ReplicaReplies {

    private final List<SuiteService> services;
    private final List<CachesWarmed> replies = new ArrayList<>();

    public ReplicaReplies(List<SuiteService> services) {
        this.services = List.copyOf(services);
    }

    /** @return false for a second reply of the same replica (a redelivered message) */
    public boolean add(CachesWarmed reply) {
        if (replies.stream().anyMatch(known -> known.replica().equals(reply.replica()))) {
            return false;
        }
        replies.add(reply);
        return true;
    }

    public List<CachesWarmed> replies() {
        return List.copyOf(replies);
    }

    public int expected() {
        return services.stream().mapToInt(service -> service.replicas().size()).sum();
    }

    /** Every service has at least as many replies as it has replicas. */
    public boolean complete() {
        return services.stream().allMatch(service ->
                replies.stream().filter(reply -> isOf(reply, service)).count() >= service.replicas().size());
    }

    /** Which replica each reply came from (its URL's host:port, or the replying host when no URL is left). */
    public Map<CachesWarmed, String> labels() {
        return match().labels();
    }

    /** The replicas without a reply: service name and host:port. */
    public List<List<String>> missing() {
        return match().missing();
    }

    private record Matching(Map<CachesWarmed, String> labels, List<List<String>> missing) {
    }

    private Matching match() {
        Map<CachesWarmed, String> labels = new IdentityHashMap<>();
        List<List<String>> missing = new ArrayList<>();
        for (SuiteService service : services) {
            List<URI> unmatched = new ArrayList<>(service.replicas());
            List<CachesWarmed> pending = new ArrayList<>();
            for (CachesWarmed reply : replies.stream().filter(reply -> isOf(reply, service)).toList()) {
                Optional<URI> byAddress = unmatched.stream().filter(uri -> sameHost(uri, reply)).findFirst();
                byAddress.ifPresentOrElse(uri -> {
                    labels.put(reply, label(uri));
                    unmatched.remove(uri);
                }, () -> pending.add(reply));
            }
            for (CachesWarmed reply : pending) {
                labels.put(reply, unmatched.isEmpty() ? reply.host() : label(unmatched.remove(0)));
            }
            unmatched.forEach(uri -> missing.add(List.of(service.name(), label(uri))));
        }
        replies.forEach(reply -> labels.putIfAbsent(reply, reply.host()));
        return new Matching(labels, missing);
    }

    /** Replies name the application ({@code booking-service}); the suite names the service ({@code booking}). */
    static boolean isOf(CachesWarmed reply, SuiteService service) {
        return service.name().equals(reply.service()) || (service.name() + "-service").equals(reply.service());
    }

    static String shortName(String application) {
        return application.endsWith("-service") ? application.substring(0, application.length() - "-service".length())
                : application;
    }

    static String label(URI replica) {
        return replica.getAuthority();
    }

    private static boolean sameHost(URI replica, CachesWarmed reply) {
        String host = replica.getHost();
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase(reply.host()) || reply.addresses().contains(bare);
    }
}
