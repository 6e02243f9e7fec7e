package io.callbook.common.http;

import io.callbook.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.logging.Logger;

/** Routes that write one log line while serving, for RequestLogContextTest. */
@Path("/test/log-context")
public class LogContextTestResource {

    static final String LOGGER = "callbook.test.log-context";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    @GET
    @Path("/agent")
    @RolesAllowed(Roles.AGENT)
    public String agent() {
        LOG.info("serving an agent");
        return "ok";
    }

    @GET
    @Path("/anyone")
    @PermitAll
    public String anyone() {
        LOG.info("serving anyone");
        return "ok";
    }
}
