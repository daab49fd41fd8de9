/**
 * What the numbers are, said plainly: estimates from the owner's own rate card, and the provider's terms
 * decide the bill. Without a rate card the view counts messages only, and says how to get amounts.
 */
export function CostsNote({ priced }: { priced: boolean }) {
  return (
    <div className="costs-note">
      <p>
        WhatsApp charges each delivered template, and from 1 October 2026 each normal message too, by category
        and by the customer’s country. Counts come from what CareWindow sent; once WhatsApp reports its own
        billing for a message, its word counts.
      </p>
      {priced ? (
        <p>
          Amounts are estimates from your rate card. What you actually pay is decided by your provider’s
          terms: a package (at CM.com, for example) may include these messages.
        </p>
      ) : (
        <p>
          Without a rate card CareWindow counts messages only. Import Meta’s rate card in Settings → Rate card
          to see estimated amounts.
        </p>
      )}
    </div>
  );
}
