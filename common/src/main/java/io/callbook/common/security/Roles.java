package io.callbook.common.security;

/** The groups a Callbook token can carry (docs/adr/0003-authentication-and-tenancy.md). */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String OPS = "ops";
    public static final String PLATFORM_ADMIN = "platform-admin";

    public static final java.util.Set<String> ALL = java.util.Set.of(AGENT, TENANT_ADMIN, OPS, PLATFORM_ADMIN);

    private Roles() {
    }
}
