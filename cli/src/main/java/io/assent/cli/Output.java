package io.assent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a command reports: text for people, or JSON for scripts ({@code --json}).
 *
 * <p>Contract: a result goes to stdout, as text or as one JSON document. A failure is one line on
 * stderr, {@code assent: <message>}; with {@code --json} stdout also gets {@code {"error": {"code":
 * ..., "message": ...}}}. Warnings go to stderr, never to stdout, so stdout stays parseable.
 */
public final class Output {

  public static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final boolean verbose;

  public Output(PrintWriter out, PrintWriter err, boolean json, boolean verbose) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.verbose = verbose;
  }

  public boolean json() {
    return json;
  }

  /** Prints a result: {@code jsonValue} (a map, list or Jackson tree) with --json, else text. */
  public void result(Object jsonValue, String text) {
    if (json) {
      out.println(toJson(jsonValue));
    } else if (!text.isEmpty()) {
      out.println(text);
    }
    out.flush();
  }

  /** A note for people on stderr; never part of the parseable output. */
  public void note(String message) {
    err.println("assent: " + message);
    err.flush();
  }

  /** Reports a failure and returns its exit code (1). */
  public int fail(CliException e) {
    return fail(e.code(), e.getMessage(), e);
  }

  /** Reports a failure with a stable code and returns {@code 1}. */
  public int fail(String code, String message, Throwable cause) {
    if (json) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", code);
      error.put("message", message);
      out.println(toJson(Map.of("error", error)));
      out.flush();
    }
    err.println("assent: " + oneLine(message));
    if (verbose && cause != null) {
      StringWriter trace = new StringWriter();
      cause.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
    err.flush();
    return ExitCode.FAILED;
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }

  /** Messages from libraries may hold newlines; the contract is one line. */
  static String oneLine(String message) {
    String text = message == null ? "unknown error" : message;
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
