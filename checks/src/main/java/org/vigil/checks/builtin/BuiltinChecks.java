package org.vigil.checks.builtin;

import org.vigil.checks.CheckRegistry;

/** The built-in check types: http, https, tcp, smtp, mysql, script and ping. */
public final class BuiltinChecks {

    private BuiltinChecks() {
    }

    /** @return a new registry holding every built-in type */
    public static CheckRegistry registry() {
        return register(new CheckRegistry());
    }

    /** Adds the built-in types to an existing registry. */
    public static CheckRegistry register(CheckRegistry r) {
        return r.register("http", (name, o) -> HttpCheck.create(name, "http", o))
                .register("https", (name, o) -> HttpCheck.create(name, "https", o))
                .register("tcp", TcpCheck::create)
                .register("smtp", SmtpCheck::create)
                .register("mysql", MysqlCheck::create)
                .register("script", ScriptCheck::create)
                .register("ping", PingCheck::create);
    }
}
