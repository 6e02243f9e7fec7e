package io.callbook.perfops.suite.domain;

import java.net.URI;
import java.util.List;

/** Turns a configured service URL into one URL per running replica. */
public interface ReplicaDiscovery {

    List<URI> replicas(URI configured);
}
