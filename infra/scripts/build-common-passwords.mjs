// Writes functions/domain/auth/common-passwords.json: node infra/scripts/build-common-passwords.mjs functions/domain/auth/common-passwords.json
/* global process, console */
import { writeFileSync } from 'node:fs';
const top = `123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football monkey letmein
696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx
123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000
charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555
11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley nicole chelsea
biteme matthew access yankees 987654321 dallas austin thunder taylor matrix william corvette hello martin heather secret merlin
diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111
golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick phoenix camaro peanut morgan
welcome falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider
nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana junior hannah
123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston q1w2e3r4 brandon
yamaha chester mother forever johnny edward 333333 oliver redsox player nikita knight fender barney midnight please brandy chicago
badboy slayer rangers charles angel flower rabbit wizard bigdick jasper enter rachel chris steven winner adidas victoria natasha
1q2w3e4r jasmine winter prince panties marine ghbdtn fishing cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf
crystal 87654321 12344321 golden 8675309 panther lauren angela bitch spanky thx1138 angels madison winston shannon mike toyota
blowjob jordan23 canada sophie Password apples dick tiger razz 123abc pokemon qazxsw 55555 qwaszx muffin johnson murphy cooper
jonathan liverpoo david danielle 159357 jackie 1990 123456a 789456 turtle horny abcd1234 scorpion qazwsxedc 101010 butter carlos
password1 dennis slipknot qwerty123 booger asdf 1991 black startrek 12341234 cameron newyork rainbow nathan john 1992 rocket viking
redskins butthead asdfghjkl 1212 sierra peaches gemini doctor wilson sandra helpme qwertyui victor florida dolphin pookie captain
tucker blue liverpool theman bandit dolphins maddog packers jaguar lovers nicholas united tiffany maxwell zzzzzz nirvana jeremy
suckit stupid porn monica elephant giants jackass hotdog rosebud success debbie mountain 444444 xxxxxxxx warrior 1q2w3e4r5t q1w2e3
123456q albert metallic lucky azerty 7777 shithead alex bond007 alexis 1111111 samson 5150 willie scorpio bonnie gators benjamin
voodoo driver dexter 2112 jason calvin freddy 212121 creative 12345a sydney rush2112 1989 asdfghjk red123 bubba 4815162342 passw0rd
trouble gunner happy fucker gordon legend jessie stella qwert eminem arthur apple nissan bullshit bear america 1qazxsw2 nothing
parker 4444 rebecca qweqwe garfield 01012011 beavis 69696969 jack asdasd december 2222 102030 252525 11223344 magic apollo skippy
315475 girls kitten golf copper braves shelby godzilla beaver fred tomcat august buddy airborne 1993 1988 lifehack qqqqqq brooklyn
animal platinum phantom online xavier darkness blink182 power fish green 789456123 voyager police travis 12qwaszx heaven snowball
lover abcdef 00000 pakistan 007007 walter playboy blazer cricket sniper hooters donkey willow loveme saturn therock redwings
bigboy pumpkin trinity williams tits nintendo digital destiny topgun runner marvin guinness chance bubbles testing fire november
minecraft asdf1234 lasvegas sergey broncos cartman private celtic birdie little cassie babygirl donald beatles 1313 dickhead family
12121212 school louise gabriel eclipse fluffy 147258369 lol123 explorer beer nelson flyers spencer scott lovely gibson doggie
cherry andrey snickers buffalo pantera metallica member carter qwertyu peter alexande steve bronco paradise goober 5555 samuel
montana mexico dreams michigan cock carolina yankee friends magnum surfer poohbear 123qweasd 123qwe123 infinity admin admin123
administrator root toor guest user login welcome1 welcome123 letmein1 changeme changeme123 default secret123 passw0rd! p@ssw0rd
p@ssword p@ssw0rd! passw0rd1 password! password12 password123 password1234 password12345 passwort motdepasse contraseña
1q2w3e 1q2w3e4r5t6y zaq12wsx zaq1xsw2 1qaz2wsx3edc qwe123 qwe123456 qweasd qweasdzxc qweasd123 asd123 asd123456 zxc123 zxc123456
abc12345 abc123456 abcd123 abcdefg abcdefg123 aa123456 aa12345678 a12345 a123456 a1234567 a12345678 a123456789 qq123456
woaini woaini1314 woaini520 woaini123 woaini521 5201314 520520 1314520 13145200 5211314 521521 woainima woaiwojia iloveyou1314
zhang123 wang123 li123456 liu123 chen123 yang123 huang123 zhao123 zhou123 wu123456 xiaoming xiaohong zhangwei wangwei liwei
wangjing lijing zhangli wanglei liuyang woshishui nihao nihao123 nimabi tiantian dingding beijing shanghai beijing2008 guangzhou
shenzhen hangzhou chongqing tianjin wuhan nanjing chengdu xiamen zhongguo china123 aini1314 aaa111 aaa123 aaa123456 a1b2c3
a1b2c3d4 qaz123 qaz123456 1qaz1qaz 123qaz qwerasdf 147258 147258369 159357 123789 741852963 369258147 258258 168168 666888
888666 112233 11112222 123456abc abc123abc abcabc 1a2b3c 5201314520 woaini1314520 iloveyou520 zz123456 qwe1234 q123456 q1234567
q12345678 q123456789 w123456 z123456 s123456 x123456 123456aa 123456qq 123456789a 123456789q 1234567890a wo123456 qwerty1
hello123 hello1234 iloveyou1 iloveyou123 sunshine1 princess1 monkey1 dragon1 football1 baseball1 superman1 batman1 shadow1 master1
welcome2024 welcome2025 welcome2026 summer2024 summer2025 summer2026 spring2025 autumn2025 winter2025 company123 qwerty12345
qwerty1234 Qwerty123! Password1 Password1! Password123 Password123! P@ssw0rd P@ssw0rd1 P@ssw0rd123 P@55w0rd Passw0rd Passw0rd!
Admin123 Admin@123 admin@123 admin1234 admin12345 admin888 admin666 administrator1 root123 root1234 test1234 test12345 test123456
user1234 guest123 demo123 demo1234 service123 support123 kefu123 kefu123456 kefu888 huawei123 xiaomi123 taobao123 alipay123
wechat123 weixin123 qq123456789 baidu123 sina123 163163 126126 abc@123 Abc@123 Abc123456 Abc123456! abc123!@# 1qaz@WSX 1qaz!QAZ
Aa123456 Aa123456! Aa123456789 Aa12345678 aA123456 Qq123456 Zz123456 Ww123456 123456Aa 123456Aa! !QAZ2wsx 1QAZ2wsx qazWSX123
zaq1@WSX P@$$w0rd p@$$word pa55word pa$$word passpass 12qwaszx 1234abcd abcd4321 4321abcd qwertyuiop123 asdfghjkl123 zxcvbnm123
password2024 password2025 password2026 admin2024 admin2025 admin2026 cs-demo-2026 customerservice kefu2024 kefu2025 kefu2026`;
const words = top.split(/\s+/).filter(Boolean);
// Words people build on with a number or a symbol at the end.
const bases = `password passw0rd p@ssw0rd admin administrator root qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm iloveyou woaini aini
welcome letmein monkey dragon master shadow sunshine princess football baseball superman batman michael jennifer jordan hunter
abc abcd abcdef test user guest hello love lover angel tiger summer winter spring autumn china beijing shanghai qq wechat weixin
kefu service support company demo huawei xiaomi apple samsung google baidu taobao alipay changeme secret computer internet
zhang wang li liu chen yang huang zhao zhou wu xu sun ma zhu hu guo he lin luo gao liang zheng xie song tang han feng deng
xiaoming xiaohong zhangwei wangwei liwei wangfang lina zhangmin liujing nihao haha hehe xixi lele dudu doudou baobao beibei
qwe asd zxc qaz wsx 1qaz 1q2w3e 1q2w3e4r zaq1 pass abc123 a1b2c3 football soccer killer pokemon naruto matrix`.split(/\s+/).filter(Boolean);
const suffixes = ['1', '12', '123', '1234', '12345', '123456', '1234567', '12345678', '123456789', '!', '1!', '123!', '@123', '#123', '.', '01', '520', '521', '1314', '666', '888', '2020', '2021', '2022', '2023', '2024', '2025', '2026', '007', '0', '00', '11', '99', '88'];
const out = new Set();
for (const w of words) out.add(w.normalize('NFKC').toLowerCase());
for (const b of bases) for (const s of suffixes) out.add((b + s).toLowerCase());
for (let y = 1960; y <= 2030; y++) { out.add(String(y)); out.add(`${y}${y}`); }
for (const d of '0123456789') { out.add(d.repeat(6)); out.add(d.repeat(8)); out.add(d.repeat(10)); }
const list = [...out].sort();
writeFileSync(process.argv[2], JSON.stringify({ about: 'Common passwords refused wherever a password is set (functions/domain/auth/password-policy.ts): widely reported most-used passwords, keyboard walks, digit runs, Chinese users\' favourites (woaini1314, 5201314, a123456789), and the usual word + number endings. Lower-case; compared case-insensitively. Regenerate: node infra/scripts/build-common-passwords.mjs functions/domain/auth/common-passwords.json.', count: list.length, passwords: list }, null, 0).replace(/","/g, '",\n"'));
console.log(list.length);
