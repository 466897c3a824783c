/** 加签 positions and stage modes as input choices (labels are catalog keys). */
export const positionChoices = ['before', 'after', 'parallel'].map((id) => ({ id, name: `resources.approvals.choices.position.${id}` }));

/** 或签 / 会签: for a 加签 group and for a policy step asking everyone with a role. */
export const modeChoices = ['any', 'all'].map((id) => ({ id, name: `resources.approvals.choices.mode.${id}` }));
