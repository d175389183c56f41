package org.switchboard.feature.notify;

/** Where notices go: the system tray, or a test double. Called from the notification thread. */
interface DesktopNotifier {

    /** Shows a notice; a click on it is reported to whoever created the notifier. */
    void show(Notice notice);

    /** Removes everything this notifier put on the desktop. */
    void close();
}
