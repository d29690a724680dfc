package org.dcplanner.consolidation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A controller's web layer alone (MVC slice with the problem+json handler and Jackson as configured), with no
 * database: request validation and problem shapes are checked here, not by booting the whole application.
 * The security filters are not applied (sign-in, roles and the audit filter are SecurityIT's); they are still web
 * beans of every slice and need a JdbcTemplate to exist, hence the mock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@MockitoBean(types = JdbcTemplate.class)
public @interface ControllerSlice {
    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
