package org.amity.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * NAME=HASH pairs (office tokens, dashboard users) from an environment variable ({@code NAME=HASH,...}), a properties
 * file of NAME=HASH lines and repeatable flags; later sources win.
 */
final class NamedHashes {
  private NamedHashes() {}

  static Map<String, String> collect(CommandLine command, String variable, String fileOption, Path file,
      Map<String, String> flags) {
    Map<String, String> hashes = new LinkedHashMap<>();
    String fromEnv = AmityConfig.of(command.getCommandSpec()).variable(variable, null);
    if (fromEnv != null && !fromEnv.isBlank()) {
      for (String pair : fromEnv.split(",")) {
        String[] parts = pair.split("=", 2);
        if (parts.length != 2) {
          throw new ParameterException(command, variable + " must be NAME=HASH pairs separated by commas");
        }
        hashes.put(parts[0].trim(), parts[1].trim());
      }
    }
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(command,
            fileOption + " " + file + ": " + (Files.isDirectory(file) ? "a directory, not a file" : "no such file"));
      }
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        throw new ParameterException(command, fileOption + " " + file + ": cannot be read: " + e.getMessage());
      }
      properties.forEach((name, hash) -> hashes.put(name.toString().trim(), hash.toString().trim()));
    }
    hashes.putAll(flags);
    return hashes;
  }
}
