package io.callbook.perfops.dashboard.api;

import io.callbook.perfops.dashboard.domain.LoginRefused;
import io.callbook.perfops.dashboard.domain.OpsLogin;
import io.callbook.perfops.dashboard.domain.OpsSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * The live dashboard at {@code /} and its sign-in. Nothing on the page is shown without a session: a visitor without a
 * valid session cookie gets the login form only. The cookie holds the pasted ops token, HttpOnly (scripts cannot read
 * it) and SameSite=Strict (other sites cannot make the browser send it); smallrye-jwt reads the same cookie
 * ({@code mp.jwt.token.cookie}), so the page's own calls to /v1/ops/... are authorised like any bearer call.
 */
@Path("/")
@Tag(name = "Dashboard")
@PermitAll
public class DashboardResource {

    /** The page's scripts come from this service only; no inline script, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** uPlot from its webjar (META-INF/resources/webjars/uplot/&lt;version&gt;/dist). */
    static final String UPLOT = "/webjars/uplot/1.6.30/dist/";

    private final OpsLogin login;
    private final String cookieName;

    public DashboardResource(OpsLogin login, @ConfigProperty(name = "mp.jwt.token.cookie") String cookieName) {
        this.login = login;
        this.cookieName = cookieName;
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance page(OpsSession session, String uplot);

        static native TemplateInstance login(String message);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The live dashboard, or the login form without a valid session")
    public Response page(@Context HttpHeaders headers) {
        var cookie = headers.getCookies().get(cookieName);
        if (cookie == null) {
            return html(Response.ok(Templates.login(null)));
        }
        try {
            OpsSession session = login.verify(cookie.getValue());
            return html(Response.ok(Templates.page(session, UPLOT)));
        } catch (LoginRefused refused) {
            String message = refused.reason() == LoginRefused.Reason.EXPIRED
                    ? "Your session has ended because the token expired. Sign in with a fresh token."
                    : refused.getMessage();
            return html(Response.ok(Templates.login(message)).cookie(cleared()));
        }
    }

    @POST
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Signs in with an ops or platform-admin bearer token and sets the session cookie")
    public Response login(@FormParam("token") String token, @Context UriInfo uri,
                          @HeaderParam("X-Forwarded-Proto") String forwardedProto) {
        try {
            OpsSession session = login.verify(token);
            long seconds = Math.max(1, Duration.between(Instant.now(), session.expiresAt()).toSeconds());
            NewCookie cookie = new NewCookie.Builder(cookieName)
                    .value(session.token())
                    .path("/")
                    .httpOnly(true)
                    .sameSite(NewCookie.SameSite.STRICT)
                    .secure(secure(uri, forwardedProto))
                    .maxAge((int) Math.min(Integer.MAX_VALUE, seconds))
                    .build();
            // See Other: a reload of the page after signing in must not post the token again.
            return Response.seeOther(URI.create("/")).cookie(cookie).build();
        } catch (LoginRefused refused) {
            return html(Response.status(Response.Status.UNAUTHORIZED).entity(Templates.login(refused.getMessage())));
        }
    }

    @POST
    @Path("logout")
    @Operation(summary = "Ends the dashboard session (clears the session cookie)")
    public Response logout() {
        return Response.seeOther(URI.create("/")).cookie(cleared()).build();
    }

    private NewCookie cleared() {
        return new NewCookie.Builder(cookieName).value("").path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }

    private static boolean secure(UriInfo uri, String forwardedProto) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme()) || "https".equalsIgnoreCase(forwardedProto);
    }

    private static Response html(Response.ResponseBuilder builder) {
        return builder.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
