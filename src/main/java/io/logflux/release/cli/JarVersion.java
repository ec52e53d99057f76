package io.logflux.release.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's Implementation-Version. */
final class JarVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"logflux-release " + (version != null ? version : "(development build)")};
    }
}
