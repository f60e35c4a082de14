package org.amity.platform.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.amity.registry.RegistryException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers every failure as Confluent does: {@code {"error_code": N, "message": "..."}} with the matching status. */
final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorResponses() {}

  static void register(RoutesConfig app) {
    app.exception(RegistryException.class, (e, ctx) -> write(ctx, e.status(), e.errorCode(), e.getMessage()));
    // Javalin's own failures: unknown routes, bodies that are too large, ...
    app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), e.getStatus(), httpMessage(e.getStatus())));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("Schema registry request {} {} failed", ctx.method(), ctx.path(), e);
      write(ctx, 500, RegistryException.STORE_ERROR, "Internal server error: " + e);
    });
  }

  static RegistryException badRequest(String message) {
    return new RegistryException(400, 400, message);
  }

  static RegistryException unsupportedMediaType() {
    return new RegistryException(415, 415, httpMessage(415));
  }

  static RegistryException unauthorized() {
    return new RegistryException(401, RegistryException.UNAUTHORIZED, "Unauthorized");
  }

  /** Jersey's wording for a bare status, e.g. "HTTP 404 Not Found". */
  static String httpMessage(int status) {
    return "HTTP " + status + " " + HttpStatus.forStatus(status).getMessage();
  }

  private static void write(Context ctx, int status, int errorCode, String message) {
    ctx.status(status).contentType(RegistryServer.CONTENT_TYPE).result(body(errorCode, message));
  }

  private static String body(int errorCode, String message) {
    return JSON.createObjectNode().put("error_code", errorCode).put("message", message).toString();
  }

  /** Jetty's answer to requests that never reach Javalin (bad URIs, oversized headers), as JSON too. */
  static final class JettyBadMessages extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
        Callback callback) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, RegistryServer.CONTENT_TYPE);
      response.write(true, ByteBuffer.wrap(body(code, httpMessage(code)).getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put(HttpHeader.CONTENT_TYPE, RegistryServer.CONTENT_TYPE);
      return ByteBuffer.wrap(body(status, httpMessage(status)).getBytes(StandardCharsets.UTF_8));
    }
  }
}
