"""The intent contract (shared/intents.md): stable ids used in YAML, logs, the API and ``ask --json``."""

POLICY_INTENTS = (
    "rd_deduction",
    "rd_reserve",
    "zjtx",
    "little_giant",
    "single_champion",
    "high_tech_enterprise",
    "first_set_equipment",
    "first_batch_material",
    "first_version_software",
    "rd_institution",
    "innovation_center",
    "key_lab",
    "core_tech",
    "standards",
    "new_product",
    "quality_brand",
    "innovation_platforms",
    "tech_sme_plan",
    "ip_protection",
    "policy_goals",
    "policy_overview",
    "open_cooperation",
)

CONVERSATION_INTENTS = ("greeting", "help", "thanks", "human_agent", "policy_match")

ALL_INTENTS = POLICY_INTENTS + CONVERSATION_INTENTS
