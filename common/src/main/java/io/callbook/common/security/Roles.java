package io.callbook.common.security;

/** The groups a Callbook token can carry (DESIGN.md, tenancy and security). */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String OPS = "ops";
    public static final String PLATFORM_ADMIN = "platform-admin";

    public static final java.util.Set<String> ALL = java.util.Set.of(AGENT, TENANT_ADMIN, OPS, PLATFORM_ADMIN);

    private Roles() {
    }
}
