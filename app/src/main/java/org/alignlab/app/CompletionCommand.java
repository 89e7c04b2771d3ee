package org.alignlab.app;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code alignlab completion}: a bash/zsh completion script; use {@code source <(alignlab completion)}. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash/zsh completion script: source <(./alignlab completion)")
final class CompletionCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @Override
    public Integer call() {
        CommandLine cl = root.spec.commandLine();
        root.cli.out.print(AutoComplete.bash("alignlab", cl));
        return Cli.OK;
    }
}
