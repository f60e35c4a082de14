package org.amity.app;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * A command line that cannot be parsed: what is wrong and where the usage is, not the whole usage, which would scroll
 * the message out of sight.
 */
final class CommandLineMistake implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    PrintWriter err = command.getErr();
    err.println(name + "：命令行有误 / bad command line: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("用法见 " + name + " --help / usage: " + name + " --help");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
