package org.dcplanner.consolidation.spa;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Deep links of the single-page app (e.g. /plans/42) are served index.html; the router takes over. */
@Controller
class SpaForwardingController {
    @GetMapping({"/workloads", "/workloads/**", "/plans", "/plans/**", "/catalog", "/catalog/**", "/login", "/account"})
    String forward() {
        return "forward:/index.html";
    }
}
