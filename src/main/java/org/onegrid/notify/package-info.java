/**
 * Notifications (通知): an outbox of messages derived exactly once from the committed case
 * timeline, delivered in-app, by email (SMTP) and by SMS (an HTTP gateway) with retry and
 * back-off, quiet hours and a daily limit per recipient; who hears what is {@link
 * org.onegrid.notify.WhoHearsWhat}.
 */
@ApplicationModule(allowedDependencies = {"assessment", "cases", "catalog", "directory", "grid", "gridwork", "households", "calendar", "security", "audit", "errors"})
package org.onegrid.notify;

import org.springframework.modulith.ApplicationModule;
