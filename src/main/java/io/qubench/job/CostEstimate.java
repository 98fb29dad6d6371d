package io.qubench.job;

import io.qubench.device.Pricing;
import io.qubench.device.PricingUsage;

/**
 * What a submission is expected to cost, in USD, before it is sent.
 *
 * @param assumptions how the usage was estimated, when a part of it had to be
 */
public record CostEstimate(String backend, String provider, int shots, PricingUsage usage, Pricing pricing, double total,
        String assumptions) {
}
