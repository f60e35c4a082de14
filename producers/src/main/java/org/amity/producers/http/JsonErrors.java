package org.amity.producers.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches the API (a broken URI, a header too large), in the API's
 * JSON instead of Jetty's HTML page.
 */
final class JsonErrors extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    return ByteBuffer.wrap(body(status, reason));
  }

  static byte[] body(int status, String reason) {
    String what = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
    ObjectNode body = JSON.createObjectNode().put("status", status)
        .put("error", "请求无法处理（" + status + "）/ The request cannot be handled: " + what);
    body.putArray("problems");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }
}
