import { idNumberCheckChar } from '@jiefen/codes';
import { pick, seededRandom } from './random.js';

export interface DemoPerson {
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  sex: 'MALE' | 'FEMALE';
  birthDate: string;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '朱', '高', '顾', '丁', '蒋', '沈', '陆', '钱'];
const GIVEN_MALE = ['建国', '志强', '海军', '永平', '卫东', '国华', '春生', '德明', '晓峰', '立新', '金宝', '长林'];
const GIVEN_FEMALE = ['秀英', '桂兰', '玉梅', '丽华', '美玲', '红霞', '晓燕', '春梅', '雪琴', '素珍', '婷婷', '静'];
const PHONE_PREFIXES = ['138', '139', '152', '158', '187', '136', '151', '189'];

/** `count` people living in `regionCode` (6 digits), with valid ID numbers (GB 11643 check character). */
export function demoPeople(count: number, regionCode = '321281', seed = 2026): DemoPerson[] {
  const random = seededRandom(seed);
  const people: DemoPerson[] = [];
  for (let i = 0; i < count; i += 1) {
    const sex = random() < 0.5 ? 'MALE' : 'FEMALE';
    // Every 15th person is a minor, so the sensitive-data rules have something to protect.
    const year = i % 15 === 14 ? 2011 + Math.floor(random() * 4) : 1950 + Math.floor(random() * 50);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    const sequence = Math.floor(random() * 50) * 2 + (sex === 'MALE' ? 1 : 0);
    const first17 = `${regionCode}${birth}${String(100 + sequence).slice(-3)}`;
    const name = pick(random, SURNAMES) + pick(random, sex === 'MALE' ? GIVEN_MALE : GIVEN_FEMALE);
    const phone = pick(random, PHONE_PREFIXES) + String(Math.floor(random() * 1e8)).padStart(8, '0');
    people.push({
      name,
      idNumber: first17 + idNumberCheckChar(first17),
      phone,
      address: '',
      sex,
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    });
  }
  return people;
}
