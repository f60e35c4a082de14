package org.amity.consumers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.amity.consumers.view.DashboardView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates as server-sent events ({@code /api/v1/live}): what changed in the view, coalesced every
 * {@link #PUSH_INTERVAL}, to each open page what its user may see.
 */
final class LiveUpdates implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PUSH_INTERVAL = Duration.ofMillis(300);

  private final DashboardView view;
  private final DashboardAuth auth;
  private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<DashboardView.Change> pending = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "amity-dashboard-push");
    thread.setDaemon(true);
    return thread;
  });

  /** An open page, and the office of its user (null: every office). */
  private record LiveClient(SseClient client, String office) {}

  LiveUpdates(DashboardView view, DashboardAuth auth) {
    this.view = view;
    this.auth = auth;
  }

  void routes(RoutesConfig server) {
    server.sse("/api/v1/live", client -> {
      client.keepAlive();
      LiveClient live = new LiveClient(client, auth.office(client.ctx()));
      clients.add(live);
      client.onClose(() -> clients.remove(live));
      client.sendEvent("hello", "{\"version\":" + view.version() + "}");
    });
    view.onChange(pending::add);
    pusher.scheduleWithFixedDelay(this::push, PUSH_INTERVAL.toMillis(), PUSH_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Sends what changed since the last push, coalesced, to every open page: to each, what its user may see. */
  private void push() {
    try {
      List<DashboardView.Change> changes = new ArrayList<>();
      DashboardView.Change change;
      while ((change = pending.poll()) != null) {
        changes.add(change);
      }
      if (changes.isEmpty()) {
        return;
      }
      for (LiveClient live : clients) {
        String data = changeEvent(changes, OfficeScope.of(live.office(), view));
        if (data == null) {
          continue;
        }
        try {
          live.client().sendEvent("change", data);
        } catch (RuntimeException e) {
          clients.remove(live);
        }
      }
    } catch (RuntimeException e) {
      log.warn("Live update failed: {}", e.toString());
    }
  }

  /** The data of a change event: the kinds and keys of the changes the scope sees; null when it sees none. */
  private static String changeEvent(List<DashboardView.Change> changes, OfficeScope scope) {
    Set<String> kinds = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    long version = -1;
    for (DashboardView.Change change : changes) {
      if (scope.seesKey(change.key())) {
        kinds.add(change.kind());
        if (keys.size() < 200) {
          keys.add(change.key());
        }
        version = Math.max(version, change.version());
      }
    }
    if (version < 0) {
      return null;
    }
    ObjectNode event = JSON.createObjectNode().put("version", version);
    kinds.forEach(event.putArray("kinds")::add);
    keys.forEach(event.putArray("keys")::add);
    return event.toString();
  }

  @Override
  public void close() {
    pusher.shutdownNow();
    clients.forEach(live -> {
      try {
        live.client().close();
      } catch (RuntimeException e) {
        // already gone
      }
    });
  }
}
