"""The claim kinds of the contract, grouped into the families a claim is tracked by: a deal's
value, trade, or supplies. Two kinds of one family name the same figure told two ways."""

FAMILY_OF_KIND = {
    "contract_signed": "deal",
    "negotiation": "deal",
    "investment_pledge": "deal",
    "other": "deal",
    "trade_growth": "trade",
    "trade_volume": "trade",
    "supply_volume": "supply",
}


def family_of(kind: str) -> str:
    return FAMILY_OF_KIND.get(kind, "deal")
