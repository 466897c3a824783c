/**
 * The default 违纪条款 catalogue of the `discipline` policy, seeded from seed 004
 * 客户服务部奖惩管理制度 第五条 (一)–(四): 口头警告 (乐捐 10 元), 书面警告 (50 元),
 * 最后警告 (200 元) and 辞退. This is only the first version: HR edits the stored copy as a
 * sheet. Codes are stable ids an action refers to, so a code is never reused for another item.
 */
export type DisciplineLevel = 'verbal' | 'written' | 'final' | 'dismissal';
export const DISCIPLINE_LEVELS: readonly DisciplineLevel[] = ['verbal', 'written', 'final', 'dismissal'];

export interface Violation {
  /** Stable id an action refers to: V01–V13 verbal, W01–W13 written, F01–F11 final, D01–D14 dismissal. */
  code: string;
  level: DisciplineLevel;
  /** 乐捐 in yuan (whole number, ≥ 0). */
  fine: number;
  label: { 'zh-CN': string; en: string };
}

export const DEFAULT_VIOLATIONS: readonly Violation[] = [
  // (一) 口头警告，每次乐捐 10 元
  { code: 'V01', level: 'verbal', fine: 10, label: { 'zh-CN': '上班时间未按规定着装，仪表、仪容、礼节、礼貌不符合规范', en: 'Not in uniform, or appearance and manners below standard, at work' } },
  { code: 'V02', level: 'verbal', fine: 10, label: { 'zh-CN': '迟到或早退', en: 'Late arrival or leaving early' } },
  { code: 'V03', level: 'verbal', fine: 10, label: { 'zh-CN': '忘记打卡每月达三次以上', en: 'Forgetting to clock in or out three or more times in a month' } },
  { code: 'V04', level: 'verbal', fine: 10, label: { 'zh-CN': '上班时间打私人电话，或利用电话、上网聊天', en: 'Personal calls, or chatting by phone or online, during work hours' } },
  {
    code: 'V05', level: 'verbal', fine: 10,
    label: {
      'zh-CN': '工作时间擅离岗位、串岗；上班后不到位工作或聚堆聊天；上班时间私自外出购食品、吃早点',
      en: 'Leaving or wandering off post, idling or chatting in groups, or going out for food during work hours',
    },
  },
  { code: 'V06', level: 'verbal', fine: 10, label: { 'zh-CN': '随地吐痰，乱丢烟头、纸屑、杂物；不保持办公区、园区环境的整洁', en: 'Spitting or littering, or not keeping the office and grounds tidy' } },
  { code: 'V07', level: 'verbal', fine: 10, label: { 'zh-CN': '不爱惜小区公物，浪费物品，损坏公物', en: 'Careless with estate property, wasting supplies or damaging property' } },
  { code: 'V08', level: 'verbal', fine: 10, label: { 'zh-CN': '不经批准私自接待外人参观或私自外出', en: 'Showing outsiders around or going out without approval' } },
  {
    code: 'V09', level: 'verbal', fine: 10,
    label: {
      'zh-CN': '服务态度差，被业主、住户合理投诉，尚未造成重大影响',
      en: 'Poor service attitude drawing a justified complaint from an owner or resident, without serious impact',
    },
  },
  {
    code: 'V10', level: 'verbal', fine: 10,
    label: {
      'zh-CN': '在办公室或公共场所发泄个人不满情绪，造成不良影响',
      en: 'Venting personal grievances in the office or public areas, causing a bad impression',
    },
  },
  { code: 'V11', level: 'verbal', fine: 10, label: { 'zh-CN': '无故不参加公司组织的培训、会议或活动', en: 'Missing company training, meetings or events without good reason' } },
  { code: 'V12', level: 'verbal', fine: 10, label: { 'zh-CN': '不履行督查责任，发现问题不制止、不汇报', en: 'Failing to supervise: not stopping or reporting a problem once found' } },
  {
    code: 'V13', level: 'verbal', fine: 10,
    label: {
      'zh-CN': '未经主管领导同意，私自调班、调休（特殊情况每月只能调休一次）',
      en: "Swapping shifts or taking days off in lieu without the supervisor's approval (at most once a month in special cases)",
    },
  },
  // (二) 书面警告，每次乐捐 50 元
  { code: 'W01', level: 'written', fine: 50, label: { 'zh-CN': '索取业主、住户的小费或物品', en: 'Asking owners or residents for tips or gifts' } },
  { code: 'W02', level: 'written', fine: 50, label: { 'zh-CN': '违反公司工作程序或规章制度以致造成隐患', en: 'Breaking company procedures or rules in a way that creates a hazard' } },
  { code: 'W03', level: 'written', fine: 50, label: { 'zh-CN': '遗失公司钥匙、单据等', en: 'Losing company keys, documents or the like' } },
  { code: 'W04', level: 'written', fine: 50, label: { 'zh-CN': '工作时高声喧哗或做骚扰住户的活动', en: 'Being loud at work or disturbing residents' } },
  { code: 'W05', level: 'written', fine: 50, label: { 'zh-CN': '由于个人的责任而延误客户的活动', en: "Delaying a client's activity through one's own fault" } },
  { code: 'W06', level: 'written', fine: 50, label: { 'zh-CN': '对上司、客人、同事粗暴或不礼貌', en: 'Rude or impolite to superiors, guests or colleagues' } },
  { code: 'W07', level: 'written', fine: 50, label: { 'zh-CN': '顶撞、违背或不服从上司合理的工作指令', en: "Defying or disobeying a superior's reasonable work instruction" } },
  {
    code: 'W08', level: 'written', fine: 50,
    label: {
      'zh-CN': '散布不利于团结的言论，发表有损小区及公司声誉的言论',
      en: "Spreading divisive talk, or remarks that harm the estate's or the company's reputation",
    },
  },
  { code: 'W09', level: 'written', fine: 50, label: { 'zh-CN': '在公众场所与同事、客人争吵，造成不良影响', en: 'Quarrelling with colleagues or guests in public, causing a bad impression' } },
  { code: 'W10', level: 'written', fine: 50, label: { 'zh-CN': '向他人误传或散播个人或他人薪金数额', en: "Passing on or spreading one's own or others' pay figures" } },
  { code: 'W11', level: 'written', fine: 50, label: { 'zh-CN': '造成旷工', en: 'Absence without leave' } },
  { code: 'W12', level: 'written', fine: 50, label: { 'zh-CN': '拾遗不报，造成不良影响', en: 'Not handing in found property, causing a bad impression' } },
  { code: 'W13', level: 'written', fine: 50, label: { 'zh-CN': '因个人事情，影响到部门日常管理工作', en: "Letting personal matters disrupt the department's day-to-day management" } },
  // (三) 最后警告，每次乐捐 200 元
  {
    code: 'F01', level: 'final', fine: 200,
    label: {
      'zh-CN': '当值时擅离工作岗位、玩忽职守，给公司造成恶劣影响',
      en: "Leaving post or neglecting duty while on shift, seriously harming the company's standing",
    },
  },
  { code: 'F02', level: 'final', fine: 200, label: { 'zh-CN': '唆使他人代为签到、签退', en: "Getting someone else to sign in or out on one's behalf" } },
  {
    code: 'F03', level: 'final', fine: 200,
    label: {
      'zh-CN': '由于本人责任而造成业主停电、停水、停机等重大事故',
      en: "Causing a major incident such as a power, water or equipment outage for owners through one's own fault",
    },
  },
  { code: 'F04', level: 'final', fine: 200, label: { 'zh-CN': '工作态度不认真及行为不检，如消极怠工等', en: 'Careless attitude or misconduct at work, such as deliberate slacking' } },
  { code: 'F05', level: 'final', fine: 200, label: { 'zh-CN': '泄露公司机密', en: 'Leaking company secrets' } },
  { code: 'F06', level: 'final', fine: 200, label: { 'zh-CN': '损害住户利益，引起住户的投诉', en: "Harming residents' interests, leading to a resident complaint" } },
  {
    code: 'F07', level: 'final', fine: 200,
    label: {
      'zh-CN': '散播其他员工的流言蜚语或故意搬弄是非，造成同仁之间不团结',
      en: 'Spreading gossip about colleagues or stirring up trouble, causing discord among staff',
    },
  },
  { code: 'F08', level: 'final', fine: 200, label: { 'zh-CN': '犯口头警告、书面警告事项情节严重', en: 'A verbal- or written-warning offence of a serious nature' } },
  { code: 'F09', level: 'final', fine: 200, label: { 'zh-CN': '未经许可私自借出公司财物或严重浪费公司财物', en: 'Lending out company property without permission, or seriously wasting it' } },
  { code: 'F10', level: 'final', fine: 200, label: { 'zh-CN': '未经许可私配办公室、宿舍或营业区内任何房间钥匙', en: 'Copying keys to any office, dormitory or business-area room without permission' } },
  { code: 'F11', level: 'final', fine: 200, label: { 'zh-CN': '其他损害公司利益的行为', en: "Other conduct harming the company's interests" } },
  // (四) 辞退
  {
    code: 'D01', level: 'dismissal', fine: 0,
    label: {
      'zh-CN': '连续旷工三天以上或一年内累计旷工五天',
      en: 'Absent without leave three or more days in a row, or five days in total within a year',
    },
  },
  {
    code: 'D02', level: 'dismissal', fine: 0,
    label: {
      'zh-CN': '最后警告后仍无悔改表现，观察期间又出现违纪行为',
      en: 'No sign of reform after a final warning, with a further violation during the observation period',
    },
  },
  {
    code: 'D03', level: 'dismissal', fine: 0,
    label: {
      'zh-CN': '不执行上级指令、抗拒完成限时任务造成恶性后果，从事第二职业，或违章作业酿成事故造成损失',
      en: 'Refusing orders or deadlined tasks with serious consequences, holding a second job, or causing a costly accident by breaking work rules',
    },
  },
  { code: 'D04', level: 'dismissal', fine: 0, label: { 'zh-CN': '侮辱或袭击住户，态度恶劣', en: 'Insulting or assaulting a resident, with an abusive attitude' } },
  { code: 'D05', level: 'dismissal', fine: 0, label: { 'zh-CN': '采用不正当手段解决公司内部问题', en: 'Using improper means to settle internal company matters' } },
  {
    code: 'D06', level: 'dismissal', fine: 0,
    label: {
      'zh-CN': '利用职务之便，收取他人贿赂或向人行贿、敲诈勒索或贪污、挪用公款或为自己谋取私利',
      en: "Abusing one's position to take or give bribes, extort, embezzle or misappropriate funds, or seek personal gain",
    },
  },
  {
    code: 'D07', level: 'dismissal', fine: 0,
    label: {
      'zh-CN': '造谣惑众，挑拨是非，或以强暴手段唆使他人怠工或罢工',
      en: 'Spreading rumours, stirring up trouble, or using force to incite others to slow down or strike',
    },
  },
  {
    code: 'D08', level: 'dismissal', fine: 0,
    label: {
      'zh-CN': '擅用公司名义在外招摇撞骗，有损公司利益、声誉',
      en: "Misusing the company's name to deceive outsiders, harming its interests or reputation",
    },
  },
  {
    code: 'D09', level: 'dismissal', fine: 0,
    label: {
      'zh-CN': '有充足证据证实犯过错，仍拒不签认《处罚单》且态度恶劣',
      en: 'Refusing with hostility to sign a penalty notice despite ample evidence of the fault',
    },
  },
  { code: 'D10', level: 'dismissal', fine: 0, label: { 'zh-CN': '其他影响公司正常管理秩序、情节严重的过失行为', en: "Other serious misconduct disrupting the company's normal management" } },
  {
    code: 'D11', level: 'dismissal', fine: 0,
    label: {
      'zh-CN': '经常违反公司的规章制度，经批评教育后无悔改之意',
      en: 'Repeatedly breaking company rules with no intent to reform after being corrected',
    },
  },
  { code: 'D12', level: 'dismissal', fine: 0, label: { 'zh-CN': '疏忽职守，给公司造成严重损失', en: 'Neglect of duty causing the company serious loss' } },
  {
    code: 'D13', level: 'dismissal', fine: 0,
    label: {
      'zh-CN': '服务态度恶劣，损害客户利益，影响公司声誉',
      en: "Abusive service attitude that harms clients' interests and the company's reputation",
    },
  },
  { code: 'D14', level: 'dismissal', fine: 0, label: { 'zh-CN': '严重违反公司规定', en: 'Serious breach of company rules' } },
];
