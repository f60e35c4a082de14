package org.amity.app;

import java.net.BindException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A server of the command could not listen on its address: said in one line, naming the address and why, with the
 * usage exit code, instead of a stack trace. Any other failure is left to picocli's default handling.
 */
final class BindFailure implements CommandLine.IExecutionExceptionHandler {
  private static final Pattern ADDRESS = Pattern.compile("([^\\s/]+:\\d+)\\s*$");

  @Override
  public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
    BindException bind = null;
    String address = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException found) {
        bind = found;
      }
      Matcher matcher = t.getMessage() == null ? null : ADDRESS.matcher(t.getMessage());
      if (address == null && matcher != null && matcher.find()) {
        address = matcher.group(1);
      }
    }
    if (bind == null) {
      throw e;
    }
    command.getErr().println("amity " + command.getCommandName() + ": " + message(address, bind));
    command.getErr().flush();
    return CommandLine.ExitCode.USAGE;
  }

  static String message(String address, BindException bind) {
    String where = address == null ? "" : " " + address;
    String reason = bind.getMessage() == null ? "" : bind.getMessage();
    if (reason.contains("in use")) {
      return "无法监听" + where + "：端口已被其他程序占用，请换一个端口 / cannot listen on" + where
          + ": the port is in use by another program; choose another port";
    }
    if (reason.contains("assign")) {
      return "无法监听" + where + "：该地址不属于本机，--host 须是 127.0.0.1、0.0.0.0 或本机的地址 / cannot listen on" + where
          + ": the address is not one of this machine's; --host must be 127.0.0.1, 0.0.0.0 or an address of this machine";
    }
    return "无法监听" + where + "：" + reason + " / cannot listen on" + where + ": " + reason;
  }
}
