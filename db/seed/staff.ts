// GBD FL records of the dealer employees and the staff: staff are people with IINs too (SPEC §1).
import type { PersonSpec } from './people-model';
import { PERSONA as P, STAFF as S } from './personas-ids';

export const DEALER_EMPLOYEES: readonly PersonSpec[] = [
  { iin: P.dealerAstanaMotors, kk: ['Нұрғалиев', 'Бекзат', 'Маратұлы'], ru: ['Нургалиев', 'Бекзат', 'Маратович'], region: '01' },
  { iin: P.dealerAlatau, kk: ['Соколова', 'Екатерина', 'Андреевна'], ru: ['Соколова', 'Екатерина', 'Андреевна'], region: '02' },
  { iin: P.dealerSaryarka, kk: ['Қалиев', 'Ержан', 'Болатұлы'], ru: ['Калиев', 'Ержан', 'Болатович'], region: '09' },
  { iin: P.dealerNoOked, kk: ['Әлиев', 'Нұржан', 'Тұрсынұлы'], ru: ['Алиев', 'Нуржан', 'Турсунович'], region: '10' },
];

export const STAFF_PEOPLE: readonly PersonSpec[] = [
  { iin: S.umsAstana, kk: ['Дүйсенов', 'Асылбек', 'Нұрланұлы'], ru: ['Дуйсенов', 'Асылбек', 'Нурланович'], region: '01' },
  { iin: S.umsKostanay, kk: ['Кравченко', 'Наталья', 'Игоревна'], ru: ['Кравченко', 'Наталья', 'Игоревна'], region: '10' },
  { iin: S.migrationAstana, kk: ['Исабекова', 'Ләззат', 'Сапарқызы'], ru: ['Исабекова', 'Ляззат', 'Сапаровна'], region: '01' },
  { iin: S.migrationKostanay, kk: ['Ким', 'Дмитрий', 'Олегович'], ru: ['Ким', 'Дмитрий', 'Олегович'], region: '10' },
  { iin: S.akimatBostandyq, kk: ['Тұрсынов', 'Бауыржан', 'Ержанұлы'], ru: ['Турсунов', 'Бауржан', 'Ержанович'], region: '02' },
  { iin: S.akimatKostanayRegion, kk: ['Бондаренко', 'Сергей', 'Петрович'], ru: ['Бондаренко', 'Сергей', 'Петрович'], region: '10' },
  {
    iin: S.akimatFedorov,
    kk: ['Сейтжанова', 'Айнұр', 'Қанатқызы'],
    ru: ['Сейтжанова', 'Айнур', 'Канатовна'],
    region: '10',
    district: 1006,
  },
  { iin: S.conOperatorAlmaty, kk: ['Нұрпейісова', 'Жансая', 'Ерікқызы'], ru: ['Нурпеисова', 'Жансая', 'Ериковна'], region: '02' },
  { iin: S.conOperatorKostanay, kk: ['Сұлтанов', 'Олжас', 'Бекұлы'], ru: ['Султанов', 'Олжас', 'Бекович'], region: '10' },
  { iin: S.conOperatorAstana, kk: ['Қожахметова', 'Айдана', 'Мұратқызы'], ru: ['Кожахметова', 'Айдана', 'Муратовна'], region: '01' },
  { iin: S.conReceptionAstana, kk: ['Бекова', 'Ақбота', 'Серікқызы'], ru: ['Бекова', 'Акбота', 'Сериковна'], region: '01' },
  { iin: S.conReceptionAlmaty, kk: ['Әбдірахманов', 'Мадияр', 'Асқарұлы'], ru: ['Абдрахманов', 'Мадияр', 'Аскарович'], region: '02' },
  { iin: S.conReceptionKostanay, kk: ['Морозова', 'Елена', 'Сергеевна'], ru: ['Морозова', 'Елена', 'Сергеевна'], region: '10' },
  { iin: S.conIssuanceAstana, kk: ['Жанұзақов', 'Ерназар', 'Болатұлы'], ru: ['Жанузаков', 'Ерназар', 'Болатович'], region: '01' },
  { iin: S.conIssuanceAlmaty, kk: ['Волкова', 'Татьяна', 'Александровна'], ru: ['Волкова', 'Татьяна', 'Александровна'], region: '02' },
  { iin: S.conIssuanceKostanay, kk: ['Мұқанов', 'Ғалымжан', 'Серікұлы'], ru: ['Муканов', 'Галымжан', 'Серикович'], region: '10' },
  { iin: S.conHeadAlmaty, kk: ['Ахметова', 'Гүлнар', 'Бақытқызы'], ru: ['Ахметова', 'Гульнар', 'Бахытовна'], region: '02' },
  { iin: S.conHeadKostanay, kk: ['Петренко', 'Андрей', 'Викторович'], ru: ['Петренко', 'Андрей', 'Викторович'], region: '10' },
  { iin: S.supervisor, kk: ['Ғабдуллин', 'Ринат', 'Маратұлы'], ru: ['Габдуллин', 'Ринат', 'Маратович'], region: '01' },
  { iin: S.admin, kk: ['Оспанова', 'Мөлдір', 'Талғатқызы'], ru: ['Оспанова', 'Молдир', 'Талгатовна'], region: '01' },
];
