package org.amity.app;

import java.util.concurrent.Callable;
import org.amity.access.OfficeTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code amity token OFFICE}: a new API token for an office, and the hash to configure. */
@Command(name = "token", header = "为外办生成 API 令牌 / Makes an office's API token and the hash to configure", mixinStandardHelpOptions = true,
    description = {"Makes a new random API token for an office and prints it with the line to configure",
        "for 'amity ingest' and 'amity streams' (only the hash is configured; give the token to the office, and",
        "to 'amity dashboard --streams-token' for the score history)."})
final class TokenCommand implements Callable<Integer> {

  @Parameters(paramLabel = "OFFICE", description = "The office id, e.g. shanghai.")
  String office;

  @Override
  public Integer call() {
    String token = OfficeTokens.newToken();
    String hash = office + "=" + OfficeTokens.hash(token);
    System.out.println("外办 " + office + " 的令牌（交给该外办保管；dashboard 和 report 的 --streams-token 用它）");
    System.out.println("token for " + office + ": " + token);
    System.out.println("配置用的散列 / hash to configure (--token-hash, AMITY_INGEST_TOKENS, AMITY_STREAMS_TOKENS): " + hash);
    return 0;
  }
}
