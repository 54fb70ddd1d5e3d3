package org.roster.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code curl} and {@code ldapsearch} examples of a Markdown file: the commands of its fenced
 * shell code blocks (also those indented in a list), each as a shell reads it, with continued lines and
 * quotes spanning lines kept together and a trailing comment set apart.
 */
final class ReadmeExamples {

    /** The programs whose commands are examples to run; other commands (mvn, export) are not. */
    static final Set<String> PROGRAMS = Set.of("curl", "ldapsearch");

    /** The info strings of code blocks that hold shell commands; other blocks (trees, SQL) are not read. */
    static final Set<String> SHELLS = Set.of("sh", "bash", "shell");

    /** What the README writes where a reader puts a value of their own (a secret, their server). */
    static final String PLACEHOLDER = "…";

    private static final Pattern FENCE = Pattern.compile("^( *)(```+|~~~+)\\s*(\\S*).*$");
    private static final Pattern STATUS_COMMENT = Pattern.compile("^(\\d{3})\\b");

    /**
     * One example.
     *
     * @param line the line of the file it starts on
     * @param command the command as written, without its trailing comment
     * @param comment its trailing comment, without the {@code #}; empty when it has none
     * @param withPlaceholder whether its code block holds a {@link #PLACEHOLDER}, so that it (or a
     *        command after it that depends on it) needs values only the reader has
     */
    record Example(int line, String command, String comment, boolean withPlaceholder) {
        Example {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(comment, "comment");
            if (line < 1) {
                throw new IllegalArgumentException("line " + line + " is not a line of a file");
            }
            if (!PROGRAMS.contains(programOf(command))) {
                throw new IllegalArgumentException("not an example: " + command);
            }
        }

        String program() {
            return programOf(command);
        }

        /** The HTTP status a comment such as {@code # 409: a run is under way} expects; else none. */
        int expectedStatus() {
            Matcher status = STATUS_COMMENT.matcher(comment);
            return status.find() ? Integer.parseInt(status.group(1)) : 0;
        }

        @Override
        public String toString() {
            return "line " + line + ": " + command.replaceAll("\\s*\\n\\s*", " ");
        }
    }

    /** A command of a code block, as a shell reads it. */
    private record Command(int line, String text, String comment) {
    }

    private ReadmeExamples() {
    }

    /** The examples of this Markdown file, in the order they appear. */
    static List<Example> of(Path markdown) {
        try {
            return parse(Files.readString(markdown));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The examples of this Markdown text, in the order they appear. */
    static List<Example> parse(String markdown) {
        List<Example> examples = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            String fence = open.group(2);
            int first = i + 2;
            StringBuilder block = new StringBuilder();
            for (i++; i < lines.length && !isClosing(lines[i], fence); i++) {
                String line = lines[i];
                block.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip()).append('\n');
            }
            if (!SHELLS.contains(open.group(3))) {
                continue;
            }
            boolean withPlaceholder = block.indexOf(PLACEHOLDER) >= 0;
            for (Command command : commands(block.toString(), first)) {
                if (PROGRAMS.contains(programOf(command.text()))) {
                    examples.add(new Example(command.line(), command.text(), command.comment(), withPlaceholder));
                }
            }
        }
        return examples;
    }

    private static boolean isClosing(String line, String fence) {
        String stripped = line.strip();
        return stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static String programOf(String command) {
        String stripped = command.strip();
        int end = 0;
        while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
            end++;
        }
        return stripped.substring(0, end);
    }

    /**
     * Splits a block into commands as a shell does: a line ends a command unless it ends in a
     * backslash or inside quotes, and an unquoted {@code #} at the start of a word begins a comment.
     */
    private static List<Command> commands(String block, int firstLine) {
        List<Command> commands = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder comment = new StringBuilder();
        char quote = 0;
        int line = firstLine;
        int start = line;
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (quote != 0) {
                text.append(c);
                if (c == '\\' && quote == '"' && i + 1 < block.length()) {
                    text.append(block.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                if (c == '\n') {
                    line++;
                }
            } else if (c == '\\' && i + 1 < block.length() && block.charAt(i + 1) == '\n') {
                text.append("\\\n");
                i++;
                line++;
            } else if (c == '\'' || c == '"') {
                quote = c;
                text.append(c);
            } else if (c == '#' && (text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                int end = block.indexOf('\n', i);
                comment.append(block, i + 1, end).append(' ');
                i = end - 1;
            } else if (c == '\n') {
                if (!text.toString().isBlank()) {
                    commands.add(new Command(start, text.toString().strip(), comment.toString().strip()));
                }
                text.setLength(0);
                comment.setLength(0);
                line++;
                start = line;
            } else {
                if (text.toString().isBlank() && Character.isWhitespace(c)) {
                    continue;
                }
                text.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote opened on line " + start + " is not closed");
        }
        return commands;
    }
}
