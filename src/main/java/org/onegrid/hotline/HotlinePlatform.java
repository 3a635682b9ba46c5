package org.onegrid.hotline;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The city's hotline platform as the connector sees it, whatever its wire format: new work orders
 * to take, an acknowledgement that one was taken, and updates sent back. A call that fails throws
 * {@link IOException}; the connector retries it.
 */
public interface HotlinePlatform {

    /** A work order (工单) as the platform hands it over. */
    record Order(String orderId, String title, String content, String category, String address, Double lat, Double lng,
                 String callerName, String callerPhone, Instant receivedAt) {
    }

    /** An update sent back: its order, its number among the order's updates, what it says. */
    record Update(long id, String orderId, int seq, String kind, String body) {
    }

    List<Order> newOrders() throws IOException;

    void acknowledge(String orderId, String caseCode) throws IOException;

    void send(Update update) throws IOException;
}
