package dev.kubelint.cli;

import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.Option;

/**
 * {@code kubelint completion bash|zsh|fish}: a completion script for the shell, made from the command's own option
 * table and rule catalogue, so that it always offers exactly the options and rule ids this version has.
 *
 * <pre>
 * source &lt;(kubelint completion bash)                      # bash, in ~/.bashrc
 * source &lt;(kubelint completion zsh)                       # zsh, in ~/.zshrc
 * kubelint completion fish > ~/.config/fish/completions/kubelint.fish
 * </pre>
 */
final class CompletionCommand {

    static final List<String> SHELLS = List.of("bash", "zsh", "fish");
    static final List<String> COMMANDS = List.of("scan", "rules", "explain", "config", "completion");

    private final PrintWriter out;
    private final PrintWriter err;

    CompletionCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.println("Usage: kubelint completion bash|zsh|fish");
            out.println();
            out.println("Prints a completion script for the shell:");
            out.println("  source <(kubelint completion bash)      in ~/.bashrc");
            out.println("  source <(kubelint completion zsh)       in ~/.zshrc");
            out.println("  kubelint completion fish > ~/.config/fish/completions/kubelint.fish");
            return Main.OK;
        }
        if (args.length != 1 || !SHELLS.contains(args[0])) {
            err.println("kubelint: completion needs one shell: bash, zsh or fish"
                    + (args.length == 0 ? "" : ", not " + String.join(" ", args)));
            return Main.USAGE;
        }
        List<String> rules;
        try {
            rules = RuleCatalog.load(Main.class.getClassLoader()).all().stream()
                    .map(RuleDescriptor::id)
                    .toList();
        } catch (RuleCatalog.RuleLoadingException e) {
            err.println("kubelint: " + e.getMessage());
            return Main.USAGE;
        }
        out.print(
                switch (args[0]) {
                    case "bash" -> bash(rules);
                    case "zsh" -> zsh(rules);
                    default -> fish(rules);
                });
        return Main.OK;
    }

    /** The values an option takes, when there is a fixed list of them; "FILE" for a path. */
    static Map<String, List<String>> values(List<String> rules) {
        Map<String, List<String>> values = new TreeMap<>();
        values.put("format", ReportFormats.names());
        values.put("fail-on", List.of("error", "warning", "info", "none"));
        values.put("color", List.of("auto", "always", "never"));
        values.put("kubernetes-version", LintSettings.KUBERNETES_VERSIONS);
        values.put("enable", rules);
        values.put("disable", rules);
        return values;
    }

    private static List<Option> options() {
        return new ArrayList<>(ScanCommand.options().toOptions().getOptions());
    }

    private static String words(List<String> words) {
        return String.join(" ", words);
    }

    static String bash(List<String> rules) {
        StringBuilder s = new StringBuilder();
        s.append("# kubelint completion for bash: source <(kubelint completion bash)\n");
        s.append("_kubelint() {\n");
        s.append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n");
        s.append("  COMPREPLY=()\n");
        s.append("  case \"${COMP_WORDS[1]}\" in\n");
        s.append("    explain) [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W \"")
                .append(words(rules))
                .append("\" -- \"$cur\")); return ;;\n");
        s.append(
                "    config) [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W \"init schema\" -- \"$cur\")); return ;;\n");
        s.append("    completion) [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W \"")
                .append(words(SHELLS))
                .append("\" -- \"$cur\")); return ;;\n");
        s.append("    rules)\n");
        s.append("      case \"$prev\" in\n");
        s.append("        --format) COMPREPLY=($(compgen -W \"text markdown\" -- \"$cur\")); return ;;\n");
        s.append("        -o|--output|--rules-jar) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n");
        s.append("      esac\n");
        s.append("      COMPREPLY=($(compgen -W \"--format --output --rules-jar --help\" -- \"$cur\")); return ;;\n");
        s.append("  esac\n");
        s.append("  case \"$prev\" in\n");
        for (Map.Entry<String, List<String>> e : values(rules).entrySet()) {
            s.append("    --")
                    .append(e.getKey())
                    .append(") COMPREPLY=($(compgen -W \"")
                    .append(words(e.getValue()))
                    .append("\" -- \"$cur\")); return ;;\n");
        }
        List<String> takesPath = new ArrayList<>();
        List<String> takesOther = new ArrayList<>();
        for (Option o : options()) {
            if (o.hasArg() && !values(rules).containsKey(o.getLongOpt())) {
                (o.getArgName().matches("FILE|JAR|PATH|NAME") ? takesPath : takesOther).add(names(o));
            }
        }
        s.append("    ")
                .append(String.join("|", takesPath))
                .append(") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n");
        s.append("    ").append(String.join("|", takesOther)).append(") return ;;\n");
        s.append("  esac\n");
        s.append("  if [[ \"$cur\" == -* ]]; then\n");
        s.append("    COMPREPLY=($(compgen -W \"").append(words(longNames())).append("\" -- \"$cur\"))\n");
        s.append("  else\n");
        s.append("    [[ $COMP_CWORD -eq 1 ]] && COMPREPLY=($(compgen -W \"")
                .append(words(COMMANDS))
                .append("\" -- \"$cur\"))\n");
        s.append("    COMPREPLY+=($(compgen -f -- \"$cur\"))\n");
        s.append("  fi\n");
        s.append("}\n");
        s.append("complete -o filenames -F _kubelint kubelint\n");
        return s.toString();
    }

    /** zsh runs the bash completion through its bashcompinit layer, which every zsh since 4.3 has. */
    static String zsh(List<String> rules) {
        return "# kubelint completion for zsh: source <(kubelint completion zsh)\n"
                + "autoload -U +X compinit && compinit\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash(rules).lines().skip(1).reduce("", (a, b) -> a + b + "\n");
    }

    static String fish(List<String> rules) {
        StringBuilder s = new StringBuilder();
        s.append(
                "# kubelint completion for fish: kubelint completion fish > ~/.config/fish/completions/kubelint.fish\n");
        s.append("complete -c kubelint -f -n '__fish_use_subcommand' -a '")
                .append(words(COMMANDS))
                .append("'\n");
        s.append("complete -c kubelint -f -n '__fish_seen_subcommand_from explain' -a '")
                .append(words(rules))
                .append("'\n");
        s.append("complete -c kubelint -f -n '__fish_seen_subcommand_from config' -a 'init schema'\n");
        s.append("complete -c kubelint -f -n '__fish_seen_subcommand_from completion' -a '")
                .append(words(SHELLS))
                .append("'\n");
        Map<String, List<String>> values = values(rules);
        for (Option o : options()) {
            s.append("complete -c kubelint");
            if (o.getOpt() != null) {
                s.append(" -s ").append(o.getOpt());
            }
            s.append(" -l ").append(o.getLongOpt());
            if (o.hasArg()) {
                s.append(
                        values.containsKey(o.getLongOpt())
                                ? " -x -a '" + words(values.get(o.getLongOpt())) + "'"
                                : o.getArgName().matches("FILE|JAR|PATH|NAME") ? " -r -F" : " -x");
            }
            s.append(" -d '")
                    .append(o.getDescription()
                            .replace("'", "")
                            .replace("\\", "")
                            .replaceFirst("[;(:].*", "")
                            .trim())
                    .append("'\n");
        }
        return s.toString();
    }

    private static String names(Option o) {
        return (o.getOpt() == null ? "" : "-" + o.getOpt() + "|") + "--" + o.getLongOpt();
    }

    private static List<String> longNames() {
        return options().stream().map(o -> "--" + o.getLongOpt()).sorted().toList();
    }
}
