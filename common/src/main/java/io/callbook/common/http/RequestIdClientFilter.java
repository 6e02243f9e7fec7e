package io.callbook.common.http;

import io.callbook.common.api.RequestId;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Carries the current request id to every service we call over REST. */
@Provider
public class RequestIdClientFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        String requestId = RequestId.current();
        if (requestId != null && !request.getHeaders().containsKey(RequestId.HEADER)) {
            request.getHeaders().putSingle(RequestId.HEADER, requestId);
        }
    }
}
