package org.vigil.agent.cli;

import java.util.concurrent.Callable;
import org.vigil.agent.config.ConfigReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil config-reference}: prints docs/config-reference.md from the parser's directive table. */
@Command(name = "config-reference", mixinStandardHelpOptions = true,
        description = "Print the ha.cf directive reference (Markdown), generated from the parser's table.")
final class ConfigReferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ConfigReference.markdown());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
