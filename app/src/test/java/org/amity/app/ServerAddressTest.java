package org.amity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.amity.platform.EmbeddedPlatformExtension;
import org.amity.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A server that cannot listen where it is told says where and why in one line, with exit code 2, not a stack trace. */
@ExtendWith(EmbeddedPlatformExtension.class)
@Timeout(120)
class ServerAddressTest {
  private static final String TOKEN_HASH = "shanghai=59b70adeb79e0f5b6526761501dfd6d1d4a12fcf3b261b4045ab9e3c51a4d656";

  @Test
  void aHostThatIsNotThisMachinesIsNamedAsSuch() {
    StringWriter err = new StringWriter();
    int code = ingest(err, "--host", "203.0.113.7", "--port", "18080");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("amity ingest: 无法监听 203.0.113.7:18080：该地址不属于本机")
        .contains("cannot listen on 203.0.113.7:18080: the address is not one of this machine's")
        .doesNotContain("Port already in use").doesNotContain("\tat ");
  }

  @Test
  void aPortInUseIsNamedAsSuch() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      StringWriter err = new StringWriter();
      int code = ingest(err, "--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()));
      assertThat(code).isEqualTo(2);
      assertThat(err.toString())
          .contains("无法监听 127.0.0.1:" + taken.getLocalPort() + "：端口已被其他程序占用")
          .contains("the port is in use by another program").doesNotContain("\tat ");
    }
  }

  private static int ingest(StringWriter err, String... where) {
    Platform platform = EmbeddedPlatformExtension.platform();
    Map<String, String> env = Map.of("AMITY_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
        "AMITY_SCHEMA_REGISTRY_URL", platform.registryUrl(), "AMITY_INGEST_TOKENS", TOKEN_HASH);
    String[] args = new String[where.length + 1];
    args[0] = "ingest";
    System.arraycopy(where, 0, args, 1, where.length);
    return AmityCommand.execute(args, env, new PrintWriter(new StringWriter()), new PrintWriter(err));
  }
}
