package org.onestop.live;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Finds the policy owning a topic name; a name no policy owns is an unknown topic. Policies are
 * looked up on first use: they publish through the hub, so the hub cannot need them at creation.
 */
@Component
class TopicPolicies {

    private final ObjectProvider<TopicPolicy> provider;
    private volatile List<TopicPolicy> policies;

    TopicPolicies(ObjectProvider<TopicPolicy> provider) {
        this.provider = provider;
    }

    TopicPolicy find(String topic) {
        List<TopicPolicy> all = policies;
        if (all == null) {
            all = provider.orderedStream().toList();
            policies = all;
        }
        for (TopicPolicy policy : all) {
            if (policy.owns(topic)) {
                return policy;
            }
        }
        return null;
    }
}
