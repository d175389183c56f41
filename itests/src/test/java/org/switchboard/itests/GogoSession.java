package org.switchboard.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Assertions;
import org.osgi.framework.Bundle;

/**
 * A Gogo command session in the running client, driven reflectively through the gogo runtime bundle's own
 * interfaces, as the console and scripts use it.
 */
final class GogoSession {

    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    private final Object session;
    private final Method execute;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    GogoSession(ClientRuntime client) throws Exception {
        Bundle runtime = client.bundle("org.apache.felix.gogo.runtime");
        Class<?> processorType = runtime.loadClass(PROCESSOR);
        Object processor = client.service(PROCESSOR, null);
        session = processorType.getMethod("createSession", InputStream.class, OutputStream.class,
                OutputStream.class).invoke(processor, new ByteArrayInputStream(new byte[0]), out, out);
        execute = runtime.loadClass(SESSION).getMethod("execute", CharSequence.class);
    }

    /** Runs a command line that must succeed; returns its result and what it printed. */
    String run(String line) throws Exception {
        try {
            Object result = execute.invoke(session, line);
            return (result == null ? "" : result.toString()) + printed();
        } catch (InvocationTargetException e) {
            throw new AssertionError(line + " failed: " + e.getCause() + printed(), e.getCause());
        }
    }

    /** Runs a command line that must fail; returns the failure's message. */
    String runFailing(String line) throws Exception {
        try {
            Object result = execute.invoke(session, line);
            return Assertions.fail(line + " should have failed but returned " + result);
        } catch (InvocationTargetException e) {
            return String.valueOf(e.getCause().getMessage());
        }
    }

    private String printed() {
        String text = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return text;
    }
}
