package io.newswatch.alerts.delivery;

import io.newswatch.model.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which notices a set of alert policies would have sent for a list of alerts, decided by the same {@link Router} as
 * delivery, with nothing delivered: {@code newswatch replay --policies} reports it. Alerts are taken in the order
 * delivery sees them (raised time, then alert id), each as its first version at its raised time; updates are not
 * previewed. Stateless.
 */
public final class PolicyPreview {
    private PolicyPreview() {
    }

    /**
     * @param policies the policies, in file order
     * @param channels the channel ids they may name
     * @param alerts   the alerts, in any order
     * @return {@code policies}: policy → channel → {@code sent} (alert ids sent one by one) and {@code digests}
     *         (window start → alert ids rolled into that digest); {@code unrouted}: alerts no policy sends anywhere;
     *         {@code shadow}: alerts of shadow rules (never sent). Ordered by key, lists sorted: a function of the input.
     */
    public static Map<String, Object> of(List<Policy> policies, Set<String> channels, List<Alert> alerts) {
        Router router = new Router(policies);
        Map<String, Map<String, Map<String, Object>>> byPolicy = new TreeMap<>();
        for (Policy p : policies) {
            for (String c : p.channels()) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("sent", new ArrayList<String>());
                cell.put("digests", new TreeMap<String, List<String>>());
                byPolicy.computeIfAbsent(p.id(), k -> new TreeMap<>()).put(c, cell);
            }
        }
        Set<String> unrouted = new TreeSet<>();
        Set<String> shadow = new TreeSet<>();
        List<Alert> ordered = alerts.stream().filter(a -> a.raisedAt() != null)
                .sorted(Comparator.comparing(Alert::raisedAt).thenComparing(Alert::alertId)).toList();
        List<String> sortedChannels = new ArrayList<>(new TreeSet<>(channels));
        for (Alert a : ordered) {
            if (a.shadow()) {
                shadow.add(a.alertId());
                continue;
            }
            boolean routed = false;
            for (String channel : sortedChannels) {
                Router.Decision d = router.decide(a, channel, a.raisedAt());
                if (d.kind() == Router.Decision.Kind.SKIP || d.policy() == null) {
                    continue;
                }
                routed = true;
                Map<String, Object> cell = byPolicy.get(d.policy().id()).get(channel);
                if (d.kind() == Router.Decision.Kind.SEND) {
                    @SuppressWarnings("unchecked")
                    List<String> sent = (List<String>) cell.get("sent");
                    sent.add(a.alertId());
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, List<String>> digests = (Map<String, List<String>>) cell.get("digests");
                    digests.computeIfAbsent(d.windowStart().toString(), k -> new ArrayList<>()).add(a.alertId());
                }
            }
            if (!routed) {
                unrouted.add(a.alertId());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("policies", byPolicy);
        out.put("unrouted", List.copyOf(unrouted));
        out.put("shadow", List.copyOf(shadow));
        return out;
    }

}
