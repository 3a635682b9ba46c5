package org.onegrid.notify;

/** How a message reaches its recipient. */
public enum Channel {
    /** The bell on every staff page. */
    IN_APP,
    /** Email over SMTP. */
    EMAIL,
    /** A text message through the deployment's SMS gateway. */
    SMS
}
