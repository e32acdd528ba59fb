// Minimal i18n: dictionary, current language (localStorage "onestop.lang"),
// and applyI18n(root) for elements marked with data-i18n / data-i18n-attr.

const STORAGE_KEY = 'onestop.lang';
const LANGS = ['zh-CN', 'en'];
let memoryLang = null; // fallback when localStorage is unavailable

export const dictionary = {
  'zh-CN': {
    'site.name': '一站通 · 政务服务门户',
    'site.skip': '跳到主要内容',
    'lang.toggle': 'English',
    'nav.label': '主导航',
    'nav.home': '首页',
    'nav.inquiry': '网络问政',
    'nav.servicehall': '网上办事',
    'nav.disclosure': '政府信息公开',
    'nav.opendata': '数据开放',
    'nav.mailbox': '政府信箱',
    'nav.me': '我的政府',
    'account.label': '账户',
    'account.login': '登录',
    'account.register': '注册',
    'account.me': '我的政府',
    'account.logout': '退出',
    'footer.host': '主办单位：市人民政府办公厅',
    'footer.demo': '本网站为演示门户，所列栏目正在陆续开放，页面内容不构成正式的政府信息。',

    'title.home': '一站通 · 政务服务门户',
    'title.login': '用户登录 - 一站通',
    'title.register': '注册账号 - 一站通',
    'title.me': '我的政府 - 一站通',
    'title.inquiry': '网络问政 - 一站通',
    'title.servicehall': '网上办事 - 一站通',
    'title.disclosure': '政府信息公开 - 一站通',
    'title.opendata': '数据开放 - 一站通',
    'title.mailbox': '政府信箱 - 一站通',

    'home.heading': '欢迎使用一站通',
    'home.welcome': '一个账号，办理全市政务服务。',
    'home.hello': '您好，',
    'home.areasHeading': '服务栏目',
    'home.inquiry.desc': '在线访谈直播，政府部门负责人在线回答网民提问。',
    'home.servicehall.desc': '汇集57个部门的2400余项政务服务事项，网上申报、进度查询一站完成。',
    'home.disclosure.desc': '73个部门的政府信息公开目录、公开指南和年度报告。',
    'home.opendata.desc': '9大主题、120个开放数据集，供公众免费下载和利用。',
    'home.mailbox.desc': '市长信箱以及70个部门和区县信箱，写信反映问题、查询回复。',
    'home.me.desc': '一个账号通办一切：办事申请、来信和订阅集中管理。',

    'form.errorTitle': '提交未成功，请更正以下问题：',
    'form.labelSep': '：',
    'form.requiredNote': '所有项目均为必填。',
    'validation.required': '请填写此项',
    'validation.minLength': '至少需要 {n} 个字符',

    'login.heading': '用户登录',
    'login.registered': '注册成功，请登录',
    'login.submit': '登录',
    'login.noAccount': '还没有账号？',
    'login.registerLink': '注册新账号',

    'register.heading': '注册账号',
    'register.kindLegend': '账号类型',
    'register.kindCitizen': '个人',
    'register.kindEnterprise': '法人',
    'register.submit': '注册',
    'register.haveAccount': '已有账号？',
    'register.loginLink': '直接登录',

    'field.username': '用户名',
    'field.password': '密码',
    'field.displayName': '显示名称',
    'field.realName': '真实姓名',
    'field.contactName': '法定代表人或联系人姓名',
    'field.idNumber': '身份证号码',
    'field.mobile': '手机号码',
    'field.enterpriseName': '企业名称',
    'field.creditCode': '统一社会信用代码',

    'hint.username': '4–32 个字符，可使用字母、数字和下划线。',
    'hint.password': '至少 8 个字符，不能使用常见密码。',
    'hint.displayName': '在门户中显示的名称。',
    'hint.idNumber': '18 位居民身份证号码。',
    'hint.mobile': '11 位中国大陆手机号码。',
    'hint.creditCode': '18 位统一社会信用代码。',

    'me.heading': '我的政府',
    'me.profileHeading': '账户信息',
    'me.loading': '正在加载账户信息…',
    'me.loadError': '暂时无法加载账户信息，请稍后刷新页面重试。',
    'me.activityHeading': '我的办事、来信和订阅',
    'me.activityNote': '各栏目开放后，您的办事申请、信箱来信和订阅将在这里集中显示。目前这些栏目仍在建设中，因此这里暂时没有记录。',

    'profile.username': '用户名',
    'profile.displayName': '显示名称',
    'profile.kind': '账号类型',
    'profile.roles': '角色',
    'profile.department': '所属部门',
    'profile.realName': '真实姓名',
    'profile.contactName': '法定代表人或联系人',
    'profile.idNumber': '身份证号码',
    'profile.mobile': '手机号码',
    'profile.enterpriseName': '企业名称',
    'profile.creditCode': '统一社会信用代码',

    'kind.citizen': '个人',
    'kind.enterprise': '法人',
    'kind.staff': '工作人员',
    'role.citizen': '个人用户',
    'role.enterprise': '法人用户',
    'role.official': '政府工作人员',
    'role.moderator': '审核员',
    'role.admin': '系统管理员',

    'area.notice': '本栏目正在建设中，即将开放',
    'inquiry.p1': '网络问政栏目将举办在线访谈直播，由政府部门负责人在线回答网民提问。',
    'inquiry.p2': '访谈结束后，访谈实录和答复内容将在本栏目公开，方便随时查阅。',
    'servicehall.p1': '网上办事大厅将汇集全市57个部门的2400余项政务服务事项。',
    'servicehall.p2': '您可以在线查阅办事指南、提交申请，并通过“我的政府”跟踪办理进度。',
    'disclosure.p1': '政府信息公开栏目将集中发布73个部门的政府信息公开目录、公开指南和年度报告。',
    'disclosure.p2': '您还可以在这里依法提出政府信息公开申请。',
    'opendata.p1': '数据开放栏目将按9大主题提供120个开放数据集。',
    'opendata.p2': '公众和企业可以免费下载这些数据，并用于研究和开发应用。',
    'mailbox.p1': '政府信箱包括市长信箱以及70个部门和区县信箱。',
    'mailbox.p2': '您可以写信反映问题、提出建议，并在“我的政府”中查询办理回复。',

    'error.generic': '请求未能完成，请稍后重试。',
    'error.status': '请求未能完成（HTTP {status}），请稍后重试。',
    'error.network': '无法连接服务器，请检查网络后重试。',
    'error.tooMany': '请求过于频繁，请稍后再试。',
    'error.invalid': '此项填写不正确',
  },
  en: {
    'site.name': 'OneStop Government Portal',
    'site.skip': 'Skip to main content',
    'lang.toggle': '中文',
    'nav.label': 'Main navigation',
    'nav.home': 'Home',
    'nav.inquiry': 'Live Inquiry',
    'nav.servicehall': 'Service Hall',
    'nav.disclosure': 'Information Disclosure',
    'nav.opendata': 'Open Data',
    'nav.mailbox': 'Mailbox',
    'nav.me': 'My Government',
    'account.label': 'Account',
    'account.login': 'Sign in',
    'account.register': 'Register',
    'account.me': 'My Government',
    'account.logout': 'Sign out',
    'footer.host': 'Hosted by the General Office of the Municipal People\'s Government',
    'footer.demo': 'This is a demonstration portal. Its areas are opening step by step; nothing on these pages is official government information.',

    'title.home': 'OneStop Government Portal',
    'title.login': 'Sign in - OneStop',
    'title.register': 'Register - OneStop',
    'title.me': 'My Government - OneStop',
    'title.inquiry': 'Live Inquiry - OneStop',
    'title.servicehall': 'Service Hall - OneStop',
    'title.disclosure': 'Information Disclosure - OneStop',
    'title.opendata': 'Open Data - OneStop',
    'title.mailbox': 'Mailbox - OneStop',

    'home.heading': 'Welcome to OneStop',
    'home.welcome': 'One account for all city government services.',
    'home.hello': 'Hello, ',
    'home.areasHeading': 'Service areas',
    'home.inquiry.desc': 'Live online interviews in which officials answer netizens\' questions.',
    'home.servicehall.desc': 'More than 2,400 services from 57 departments: apply online and track progress in one place.',
    'home.disclosure.desc': 'Disclosure catalogues, guides and annual reports of 73 departments.',
    'home.opendata.desc': '120 open datasets in 9 themes, free to download and reuse.',
    'home.mailbox.desc': 'The mayor\'s mailbox and the mailboxes of 70 departments and districts.',
    'home.me.desc': 'One account for everything: your applications, letters and subscriptions together.',

    'form.errorTitle': 'Your submission was not accepted. Please correct the following:',
    'form.labelSep': ': ',
    'form.requiredNote': 'All fields are required.',
    'validation.required': 'This field is required',
    'validation.minLength': 'Must be at least {n} characters',

    'login.heading': 'Sign in',
    'login.registered': 'Registration successful. Please sign in.',
    'login.submit': 'Sign in',
    'login.noAccount': 'No account yet?',
    'login.registerLink': 'Register a new account',

    'register.heading': 'Register an account',
    'register.kindLegend': 'Account type',
    'register.kindCitizen': 'Individual',
    'register.kindEnterprise': 'Legal entity',
    'register.submit': 'Register',
    'register.haveAccount': 'Already registered?',
    'register.loginLink': 'Sign in',

    'field.username': 'Username',
    'field.password': 'Password',
    'field.displayName': 'Display name',
    'field.realName': 'Real name',
    'field.contactName': 'Legal representative or contact person',
    'field.idNumber': 'Resident ID number',
    'field.mobile': 'Mobile number',
    'field.enterpriseName': 'Enterprise name',
    'field.creditCode': 'Unified social credit code',

    'hint.username': '4–32 characters: letters, digits and underscores.',
    'hint.password': 'At least 8 characters, not a common password.',
    'hint.displayName': 'The name shown on the portal.',
    'hint.idNumber': '18-digit resident ID number.',
    'hint.mobile': '11-digit mainland China mobile number.',
    'hint.creditCode': '18-character unified social credit code.',

    'me.heading': 'My Government',
    'me.profileHeading': 'Account details',
    'me.loading': 'Loading your account details…',
    'me.loadError': 'Your account details could not be loaded. Please reload the page later.',
    'me.activityHeading': 'My applications, letters and subscriptions',
    'me.activityNote': 'As the areas open, your applications, letters and subscriptions will appear here. Those areas are still being built, so there is nothing to show yet.',

    'profile.username': 'Username',
    'profile.displayName': 'Display name',
    'profile.kind': 'Account type',
    'profile.roles': 'Roles',
    'profile.department': 'Department',
    'profile.realName': 'Real name',
    'profile.contactName': 'Legal representative or contact',
    'profile.idNumber': 'Resident ID number',
    'profile.mobile': 'Mobile number',
    'profile.enterpriseName': 'Enterprise name',
    'profile.creditCode': 'Unified social credit code',

    'kind.citizen': 'Individual',
    'kind.enterprise': 'Legal entity',
    'kind.staff': 'Staff',
    'role.citizen': 'Citizen',
    'role.enterprise': 'Enterprise',
    'role.official': 'Official',
    'role.moderator': 'Moderator',
    'role.admin': 'Administrator',

    'area.notice': 'This area is being built and opens soon',
    'inquiry.p1': 'Live Inquiry will host live online interviews in which heads of government departments answer netizens\' questions.',
    'inquiry.p2': 'After each interview, the transcript and answers will be published here for later reference.',
    'servicehall.p1': 'The online Service Hall will bring together more than 2,400 government services from 57 city departments.',
    'servicehall.p2': 'You will be able to read service guides, apply online and track your applications in My Government.',
    'disclosure.p1': 'Information Disclosure will publish the disclosure catalogues, guides and annual reports of 73 departments.',
    'disclosure.p2': 'You will also be able to file requests for government information here.',
    'opendata.p1': 'Open Data will offer 120 datasets organised in 9 themes.',
    'opendata.p2': 'The public and businesses will be able to download them free of charge for research and applications.',
    'mailbox.p1': 'The Mailbox includes the mayor\'s mailbox and the mailboxes of 70 departments and districts.',
    'mailbox.p2': 'You will be able to write to raise issues or make suggestions, and follow the replies in My Government.',

    'error.generic': 'The request could not be completed. Please try again later.',
    'error.status': 'The request could not be completed (HTTP {status}). Please try again later.',
    'error.network': 'The server could not be reached. Please check your connection and try again.',
    'error.tooMany': 'Too many requests. Please wait a moment and try again.',
    'error.invalid': 'This value is not valid',
  },
};

/** The current language: "zh-CN" (default) or "en". */
export function currentLang() {
  let stored = memoryLang;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY) || memoryLang;
  } catch {
    // storage blocked: keep the in-memory choice
  }
  return stored === 'en' ? 'en' : 'zh-CN';
}

/** Stores the language choice and updates <html lang>. */
export function setLang(lang) {
  const next = LANGS.includes(lang) ? lang : 'zh-CN';
  memoryLang = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // storage blocked: the in-memory choice still applies on this page
  }
  document.documentElement.lang = next;
  return next;
}

/** Text for a key in the current language; "{name}" placeholders are filled from vars. */
export function t(key, vars) {
  const lang = currentLang();
  let text = dictionary[lang][key];
  if (text === undefined) text = dictionary['zh-CN'][key];
  if (text === undefined) return key;
  if (vars) {
    text = text.replace(/\{(\w+)\}/g, (match, name) =>
      Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : match);
  }
  return text;
}

/** Whether the dictionary has a key (used for optional translations such as roles). */
export function hasKey(key) {
  return Object.prototype.hasOwnProperty.call(dictionary['zh-CN'], key);
}

/** Applies texts and attributes to root (and its descendants), and sets <html lang>. */
export function applyI18n(root = document) {
  document.documentElement.lang = currentLang();
  const select = (selector) => {
    const found = Array.from(root.querySelectorAll(selector));
    if (root.matches && root.matches(selector)) found.unshift(root);
    return found;
  };
  for (const el of select('[data-i18n]')) {
    el.textContent = t(el.getAttribute('data-i18n'));
  }
  for (const el of select('[data-i18n-attr]')) {
    for (const pair of el.getAttribute('data-i18n-attr').split(';')) {
      const idx = pair.indexOf(':');
      if (idx < 1) continue;
      const attr = pair.slice(0, idx).trim();
      const key = pair.slice(idx + 1).trim();
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}
