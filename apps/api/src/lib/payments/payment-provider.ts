/** What a booking asks the payment provider for. Amounts are in the currency's minor unit. */
export interface PaymentRequest {
  bookingId: string;
  amountCents: number;
  currency: string;
  platformFeeCents: number;
  /** The practitioner's Stripe Connect account, paid the amount less the platform fee. */
  destinationAccountId: string | null;
  /** The same key always yields the same payment, however often the request is retried. */
  idempotencyKey: string;
  description: string;
}

export interface StartedPayment {
  providerPaymentId: string;
  /** What the app hands to Stripe's PaymentSheet / Payment Element; null when none is needed. */
  clientSecret: string | null;
  /** `succeeded` only from the development provider, which confirms at once. */
  status: 'requires_payment' | 'succeeded';
}

export interface RefundRequest {
  providerPaymentId: string;
  amountCents: number;
  idempotencyKey: string;
  reason: string;
}

export interface StartedRefund {
  providerRefundId: string;
  status: string;
}

/** Where a payment stands at the provider, for reconciling what webhooks may have missed. */
export interface PaymentState {
  /**
   * `pending` while the member may still pay (or the bank is processing); `failed` after a
   * declined attempt or when the payment was cancelled at the provider.
   */
  status: 'succeeded' | 'pending' | 'failed';
  /** The provider's code for the last failure, e.g. `card_declined`. */
  failureCode: string | null;
}

export interface PaymentProvider {
  name: 'stripe' | 'development';
  startPayment(request: PaymentRequest): Promise<StartedPayment>;
  retrievePayment(providerPaymentId: string): Promise<PaymentState>;
  refund(request: RefundRequest): Promise<StartedRefund>;
  /** A Stripe Connect onboarding link for a practitioner's express account. */
  onboardingLink(input: {
    accountId: string | null;
    email: string | undefined;
    returnUrl: string;
  }): Promise<{ accountId: string; url: string }>;
}
