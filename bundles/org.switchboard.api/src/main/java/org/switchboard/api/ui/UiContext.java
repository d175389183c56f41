package org.switchboard.api.ui;

import java.awt.Window;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.session.Buffer;

/** Where the user is when a UI action runs: the skin's window and the buffer on display. Event thread only. */
@ProviderType
public interface UiContext {

    /** The skin's main window, the owner for any dialog an action opens; null before the window has opened. */
    Window window();

    /** The buffer on display, if any. */
    Optional<Buffer> buffer();

    /** The network of the buffer on display, if any. */
    default Optional<String> network() {
        return buffer().map(Buffer::network);
    }

    /** A context for a skin to hand out: its window (or null) and the buffer on display (or null). */
    static UiContext of(Window window, Buffer buffer) {
        Optional<Buffer> shown = Optional.ofNullable(buffer);
        return new UiContext() {
            @Override
            public Window window() {
                return window;
            }

            @Override
            public Optional<Buffer> buffer() {
                return shown;
            }
        };
    }
}
