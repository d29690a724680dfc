package org.dcplanner.consolidation.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Lockout against password guessing: {@code app.security.lockout.max-failed-sign-ins} (default 5, 1..100)
 * consecutive wrong passwords for an existing user (form sign-in, HTTP Basic, or the current password of a password
 * change) lock its password sign-in for {@code app.security.lockout.duration} (default 15 min); a success resets the
 * count, an admin can unlock early. Each lockout is audited. API tokens keep working while the password is locked
 * (a lockout anyone can cause must not stop the owner's scripts); disabling the user stops them.
 */
@Component
class SignInLockout {
    private final UserRepository users;
    private final AuditLog audit;
    private final int maxFailedSignIns;
    private final Duration duration;

    SignInLockout(
            UserRepository users,
            AuditLog audit,
            @Value("${app.security.lockout.max-failed-sign-ins:5}") int maxFailedSignIns,
            @Value("${app.security.lockout.duration:15m}") Duration duration) {
        if (maxFailedSignIns < 1 || maxFailedSignIns > 100)
            throw new IllegalArgumentException("app.security.lockout.max-failed-sign-ins must be in 1..100");
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(1)) > 0)
            throw new IllegalArgumentException("app.security.lockout.duration must be in (0, 1 day]");
        this.users = users;
        this.audit = audit;
        this.maxFailedSignIns = maxFailedSignIns;
        this.duration = duration;
    }

    @EventListener
    void badCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String from = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress()
                : null;
        failed(event.getAuthentication().getName(), from);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.signInSucceeded(event.getAuthentication().getName());
    }

    /** One failed password check of {@code username} (unknown names change nothing); audits a resulting lockout. */
    void failed(String username, String from) {
        if (username == null) return;
        users.failedSignIn(username, maxFailedSignIns, duration.toSeconds())
                .ifPresent(until -> audit.accountEvent(
                        username,
                        "locked after " + maxFailedSignIns + " consecutive failed sign-ins until " + until,
                        423,
                        from));
    }
}
