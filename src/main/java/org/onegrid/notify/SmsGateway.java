package org.onegrid.notify;

/**
 * A deployment's SMS provider behind one interface. {@code messageId} is the outbox's id of the
 * message: a gateway that sees it again must not send twice (retries after a lost answer).
 */
public interface SmsGateway {

    /** Whether a provider is configured at all. */
    boolean configured();

    /** Sends; throws when the provider refused or could not be reached (the outbox retries). */
    void send(long messageId, String phone, String template, String text);
}
