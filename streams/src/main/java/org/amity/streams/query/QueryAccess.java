package org.amity.streams.query;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.amity.access.OfficeHierarchy;
import org.amity.access.OfficeTokens;
import org.amity.partners.Office;
import org.amity.streams.offices.OfficeBoardProcessor;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Who may read what: a request carries an office's API token, and reads that office and every office under it, as
 * the offices' master data places them now. Without configured tokens nothing is readable.
 */
final class QueryAccess {
  private static final int MAX_UNREADABLE = 10_000;

  private final OfficeTokens tokens;
  private final KafkaStreams streams;

  QueryAccess(OfficeTokens tokens, KafkaStreams streams) {
    this.tokens = tokens;
    this.streams = streams;
  }

  /** The offices the request's token reaches; refused (401) without a known token. */
  Set<String> officesOf(Context ctx) {
    if (tokens.isEmpty()) {
      throw new QueryRefused(401, "此查询接口未配置外办令牌，不提供数据 / No office tokens are configured: this query API"
          + " serves no data (give amity streams --token-hash OFFICE=HASH)");
    }
    String token = OfficeTokens.bearer(ctx.header("Authorization")).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "Bearer");
      return new QueryRefused(401, "须提供外办 API 令牌 / An office API token is required: Authorization: Bearer <token>");
    });
    String office = tokens.officeOf(token).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return new QueryRefused(401, "API 令牌无效 / The API token is not valid");
    });
    return OfficeHierarchy.selfAndBelow(office, parents());
  }

  /**
   * Each registered office's parent. An unreadable office record is passed over (the office board reports it): the
   * store's iterator reads ahead in {@code hasNext}, so a failed read there has moved past that record too.
   */
  private Map<String, String> parents() {
    Map<String, String> parents = new HashMap<>();
    try (KeyValueIterator<String, Office> all = streams.store(StoreQueryParameters.fromNameAndType(
        OfficeBoardProcessor.OFFICES_STORE, QueryableStoreTypes.<String, Office>keyValueStore())).all()) {
      for (int unreadable = 0; unreadable <= MAX_UNREADABLE; ) {
        try {
          if (!all.hasNext()) {
            break;
          }
          KeyValue<String, Office> office = all.next();
          if (office.value.getParentOfficeId() != null) {
            parents.put(office.key, office.value.getParentOfficeId());
          }
        } catch (SerializationException e) {
          unreadable++;
        }
      }
    }
    return parents;
  }

  /** A request refused before it reaches its endpoint. */
  static final class QueryRefused extends RuntimeException {
    private final int status;

    QueryRefused(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
